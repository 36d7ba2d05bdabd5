-- wrk script for bench/soak: a mixed load as the organisation department's administrator would make it over a day,
-- 4 reads for each write (wrk -s bench/soak/mixed.lua URL -- COOKIE FIRST_PERSON LAST_PERSON).
-- Reads: system info, a page of people, a person's detail, a page of record entries.
-- Writes: a record entry on a person (a new row each time), now and then a policy (a new row each time).
local counter = 0

function init(args)
  wrk.headers["Cookie"] = args[1]
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Requested-With"] = "XMLHttpRequest"
  first_person, last_person = tonumber(args[2]), tonumber(args[3])
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
end

local function person()
  return math.random(first_person, last_person)
end

function request()
  counter = counter + 1
  local k = counter % 10
  if k == 0 then
    return wrk.format("GET", "/api/v1/system/info")
  elseif k == 1 or k == 5 then
    return wrk.format("GET", "/api/v1/people?page=" .. math.random(1, 20))
  elseif k == 2 or k == 6 then
    return wrk.format("GET", "/api/v1/people/" .. person())
  elseif k == 3 or k == 7 then
    return wrk.format("GET", "/api/v1/record/entries?page=" .. math.random(1, 5))
  elseif k == 8 and counter % 50 == 8 then
    local body = '{"title":"关心关爱干部措施 ' .. counter .. '","category":"care","issuer":"市委组织部",' ..
                 '"doc_number":"市组〔2026〕' .. counter .. '号","effective_from":"2024-01-01","body":"定期组织健康体检"}'
    return wrk.format("POST", "/api/v1/policies", nil, body)
  else
    local body = '{"person_id":' .. person() .. ',"category":"work_result","fact_date":"2026-06-01",' ..
                 '"title":"调研报告 ' .. counter .. '","content":"完成调研报告一份","source_kind":"unit"}'
    return wrk.format("POST", "/api/v1/record/entries", nil, body)
  end
end

-- Paced: each connection sends one request every 10 ms, so the load is steady rather than as fast as possible.
function delay() return 10 end

function done(summary, latency, requests)
  io.write(string.format("soak %d requests %d errors %.1f p50 %.1f p99\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
