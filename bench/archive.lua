-- Growth archives of the generated cadres in turn: PEOPLE is a comma-separated list of person ids.
local ids = {}
for id in string.gmatch(os.getenv("PEOPLE") or "", "[^,]+") do ids[#ids + 1] = id end
local next_one = 0
function request()
  next_one = next_one % #ids + 1
  return wrk.format("GET", "/api/v1/record/people/" .. ids[next_one] .. "/archive")
end
