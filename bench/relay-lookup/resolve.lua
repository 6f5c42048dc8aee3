-- wrk script: GET /api/v1/persons/{uuid}/providers/bench-nhi/identity for a random seeded person per request.
-- Environment: BENCH_UUIDS (file, one UUID per line), BENCH_AUTH (the full Authorization header value),
-- BENCH_RESULT (optional: file to write key=value results to).

local threads = {}
local next_id = 0

function setup(thread)
   next_id = next_id + 1
   thread:set("id", next_id)
   table.insert(threads, thread)
end

local uuids = {}
non200 = 0
statuses = ""
sample = ""
local by_status = {}

function init(args)
   local path = os.getenv("BENCH_UUIDS")
   local auth = os.getenv("BENCH_AUTH")
   if not path or not auth then
      error("BENCH_UUIDS and BENCH_AUTH must be set")
   end
   for line in io.lines(path) do
      if #line > 0 then
         uuids[#uuids + 1] = line
      end
   end
   if #uuids == 0 then
      error("no UUIDs in " .. path)
   end
   math.randomseed(os.time() * 100 + (id or 0))
   wrk.headers["Authorization"] = auth
   wrk.headers["Accept"] = "application/json"
end

function request()
   local uuid = uuids[math.random(#uuids)]
   return wrk.format("GET", "/api/v1/persons/" .. uuid .. "/providers/bench-nhi/identity")
end

function response(status, headers, body)
   if status ~= 200 then
      non200 = non200 + 1
      by_status[status] = (by_status[status] or 0) + 1
      local parts = {}
      for s, c in pairs(by_status) do
         parts[#parts + 1] = s .. "x" .. c
      end
      statuses = table.concat(parts, " ")
      if sample == "" and body then
         sample = string.sub(body, 1, 500)
      end
   end
end

function done(summary, latency, requests)
   local bad, detail, body = 0, {}, ""
   for _, thread in ipairs(threads) do
      bad = bad + (thread:get("non200") or 0)
      local s = thread:get("statuses")
      if s and s ~= "" then detail[#detail + 1] = s end
      local b = thread:get("sample")
      if body == "" and b and b ~= "" then body = b end
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   local lines = {
      string.format("requests=%d", summary.requests),
      string.format("seconds=%.3f", seconds),
      string.format("rps=%.2f", summary.requests / seconds),
      string.format("p50_ms=%.3f", latency:percentile(50) / 1000),
      string.format("p99_ms=%.3f", latency:percentile(99) / 1000),
      string.format("non200=%d", bad),
      string.format("socket_errors=%d", e.connect + e.read + e.write + e.timeout),
   }
   io.write("-- resolve.lua --\n")
   for _, l in ipairs(lines) do io.write(l, "\n") end
   if bad > 0 then
      io.write("NON-200 RESPONSES: ", bad, " (status x count per thread: ", table.concat(detail, "; "), ")\n")
      io.write("first non-200 body: ", body, "\n")
   end
   local out = os.getenv("BENCH_RESULT")
   if out and out ~= "" then
      local f = assert(io.open(out, "w"))
      for _, l in ipairs(lines) do f:write(l, "\n") end
      f:close()
   end
end
