-- wrk script for bench/checkin: every signed-in member checks in once to the same study session.
-- wrk -tT -s bench/checkin.lua URL -- COOKIE_FILE TOKEN T
-- Each thread takes its own share of the cookies (one line each, "name=value") and sends one check-in per cookie;
-- when every check-in of its share is answered the thread stops and notes the time, so done() can report check-ins
-- per second over the time they took (wrk's own req/s divides by the whole -d; its latencies include the few
-- /healthz fillers sent while the last answers are on their way).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } bench_timeval;
  int gettimeofday(bench_timeval *tv, void *tz);
]]
local function now()
  local tv = ffi.new("bench_timeval")
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) + tonumber(tv.tv_usec) / 1e6
end

local threads = {}
local thread_count = 0
-- wrk also calls request() once before init() (on its main Lua state): these defaults make that call harmless.
cookie_lines, first, last, next_cookie, expected = {}, 1, 1, 1, 0
answered, fresh, repeated, failed, started_at, finished_at = 0, 0, 0, 0, 0, 0
body = "{}"

function setup(thread)
  thread:set("index", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  cookie_lines = {}
  for line in io.lines(args[1]) do cookie_lines[#cookie_lines + 1] = line end
  local token = args[2]
  -- setup() ran on wrk's main Lua state: this thread's state knows its index but not how many threads there are.
  local share = math.ceil(#cookie_lines / tonumber(args[3]))
  first = index * share + 1
  last = math.min(#cookie_lines, first + share - 1)
  next_cookie = first
  expected = last - first + 1
  answered, fresh, repeated, failed = 0, 0, 0, 0
  body = '{"token":"' .. token .. '"}'
  started_at, finished_at = 0, 0
  first_failure = ""
end

local verified = false

function request()
  -- wrk calls request() once on the first thread's state, after init(), to see how many requests it makes, and sends
  -- nothing for that call: it must not use up a cookie nor start the clock.
  if index == 0 and not verified then
    verified = true
    return wrk.format("GET", "/healthz")
  end
  if started_at == 0 then started_at = now() end
  if next_cookie > last then
    -- The share is sent: keep the connection busy with the cheapest request there is until every check-in of the
    -- share is answered (a repeated check-in could overtake the original and muddle the count).
    return wrk.format("GET", "/healthz")
  end
  local i = next_cookie
  next_cookie = next_cookie + 1
  return wrk.format("POST", "/api/v1/study/checkins", {
    ["Cookie"] = cookie_lines[i] or "",
    ["Content-Type"] = "application/json",
    ["X-Requested-With"] = "XMLHttpRequest",
  }, body)
end

-- Fillers are sent slowly, so that the latencies wrk reports are the check-ins' own.
function delay()
  if next_cookie > last then return 50 end
  return 0
end

function response(status, headers, response_body)
  if status == 200 and not response_body:find('"session"', 1, true) then return end  -- a filler /healthz
  answered = answered + 1
  if status ~= 200 then
    failed = failed + 1
    if first_failure == "" then first_failure = status .. " " .. response_body:sub(1, 160) end
  elseif response_body:find('"already":false', 1, true) then
    fresh = fresh + 1
  else
    repeated = repeated + 1
  end
  if answered >= expected and finished_at == 0 then
    finished_at = now()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local first_start, last_finish, total_fresh, total_failed, total_repeated = math.huge, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    if t:get("finished_at") == 0 then io.write("incomplete: a thread did not get all its answers within -d\n") end
    first_start = math.min(first_start, t:get("started_at"))
    last_finish = math.max(last_finish, t:get("finished_at"))
    total_fresh = total_fresh + t:get("fresh")
    total_failed = total_failed + t:get("failed")
    total_repeated = total_repeated + t:get("repeated")
    local failure = t:get("first_failure")
    if failure and failure ~= "" then io.write("first failure: " .. failure .. "\n") end
  end
  local seconds = last_finish - first_start
  io.write(string.format("checkins %d failed %d repeated %d seconds %.3f per_second %.0f p50_ms %.2f p99_ms %.2f\n",
    total_fresh, total_failed, total_repeated, seconds, total_fresh / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
