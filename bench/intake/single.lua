-- One department per request, each with its own externalId and code, as a partner would send them.
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
local headers = { ["Content-Type"] = "application/json", ["X-API-Key"] = "his-dev-key" }

request = function()
  local id = "B-" .. math.random(1, 2000000000)
  local body = '{"sourceSystem":"HIS","externalId":"' .. id .. '","operation":"CREATE",'
    .. '"sentAt":"2026-11-26T08:00:00+08:00","data":{"code":"' .. id .. '","name":"Bench department","costCenter":"CC-1"}}'
  return wrk.format("POST", "/api/v1/interfaces/departments/records", headers, body)
end

-- PACE_MS: each connection waits that long before each request, for a steady load below saturation, where
-- the CPU time per request is what is compared (bench/intake/run's paced scenario)
local pace = tonumber(os.getenv("PACE_MS") or "")
if pace then
  delay = function()
    return pace
  end
end
