-- wrk script for bench/points-scale: each request approves the next claim of its thread's own range of claim ids
-- (wrk -s bench/approve.lua … URL -- FIRST PER_THREAD, URL without the path). A thread that runs out of ids
-- repeats its last one, which is then answered 409 and not counted as an approval.
local count = 0

function setup(thread)
  thread:set("index", count)
  count = count + 1
end

function init(args)
  local first, per_thread = tonumber(args[1]), tonumber(args[2])
  next_id = first + index * per_thread
  last_id = next_id + per_thread - 1
end

function request()
  local id = next_id
  if next_id < last_id then next_id = next_id + 1 end
  return wrk.format("POST", "/api/v1/points/claims/" .. id .. "/approve")
end
