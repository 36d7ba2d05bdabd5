-- wrk script for bench/checkin: every signed-in member checks in once to the same study session.
-- wrk -tT -s bench/checkin.lua URL -- COOKIE_FILE TOKEN T
-- Each thread takes its own share of the cookies (one line each, "name=value") and sends one check-in per cookie;
-- when as many answers as its share came back the thread stops and notes the time, so done() can report check-ins per
-- second over the time they took (wrk's own req/s divides by the whole -d).
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
end

function request()
  if started_at == 0 then started_at = now() end
  local i = math.min(next_cookie, last)  -- after the share: the last one again (answered "already", not counted)
  next_cookie = next_cookie + 1
  return wrk.format("POST", "/api/v1/study/checkins", {
    ["Cookie"] = cookie_lines[i] or "",
    ["Content-Type"] = "application/json",
    ["X-Requested-With"] = "XMLHttpRequest",
  }, body)
end

function response(status, headers, response_body)
  answered = answered + 1
  if status ~= 200 then
    failed = failed + 1
  elseif response_body:find('"already":false', 1, true) then
    fresh = fresh + 1
  else
    repeated = repeated + 1
  end
  -- As many answers as the share has members: repeats are only sent once the share is used up, so by now every member
  -- of the share was sent (a few answers to them may still be on the way; the database count is what proves them).
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
  end
  local seconds = last_finish - first_start
  io.write(string.format("checkins %d failed %d repeated %d seconds %.3f per_second %.0f p50_ms %.2f p99_ms %.2f\n",
    total_fresh, total_failed, total_repeated, seconds, total_fresh / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
