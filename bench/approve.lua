-- wrk script for bench/points-scale: approves claims, each thread its own range of claim ids
-- (wrk -s bench/approve.lua … URL -- FIRST PER_THREAD [BATCH], URL without the path).
-- BATCH absent or 1: POST /api/v1/points/claims/{id}/approve, one claim a request;
-- BATCH > 1: POST /api/v1/points/claims/approve-batch with the next BATCH ids.
-- A thread that runs out of ids repeats its last ones, which are then refused and not counted as approvals.
local count = 0

function setup(thread)
  thread:set("index", count)
  count = count + 1
end

function init(args)
  local first, per_thread = tonumber(args[1]), tonumber(args[2])
  batch = tonumber(args[3] or "1")
  next_id = first + index * per_thread
  last_id = next_id + per_thread - 1
end

function request()
  local from = math.min(next_id, last_id - batch + 1)
  next_id = next_id + batch
  if batch == 1 then
    return wrk.format("POST", "/api/v1/points/claims/" .. from .. "/approve")
  end
  local ids = {}
  for id = from, from + batch - 1 do ids[#ids + 1] = id end
  return wrk.format("POST", "/api/v1/points/claims/approve-batch", nil, '{"ids":[' .. table.concat(ids, ",") .. "]}")
end
