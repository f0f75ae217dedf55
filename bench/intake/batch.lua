-- A 500-record batch per request; the body is built once by run (BATCH_FILE).
local f = assert(io.open(os.getenv("BATCH_FILE"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "his-dev-key"
wrk.path = "/api/v1/interfaces/departments/records/batch"
