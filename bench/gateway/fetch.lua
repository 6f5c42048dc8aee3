-- wrk script: GET one path again and again with fixed headers; counts non-200 answers and writes key=value results.
-- Environment: BENCH_PATH (the path), BENCH_COOKIE (optional Cookie header), BENCH_HOST (optional Host header: wrk
-- connects to the URL's host, the server sees this one), BENCH_RESULT (optional result file).

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

non200 = 0
sample = ""

function init(args)
   local cookie = os.getenv("BENCH_COOKIE")
   if cookie and cookie ~= "" then
      wrk.headers["Cookie"] = cookie
   end
   local host = os.getenv("BENCH_HOST")
   if host and host ~= "" then
      wrk.headers["Host"] = host
   end
   wrk.headers["Accept"] = "application/json"
   wrk.path = assert(os.getenv("BENCH_PATH"), "BENCH_PATH must be set")
end

function response(status, headers, body)
   if status ~= 200 then
      non200 = non200 + 1
      if sample == "" then
         sample = status .. " " .. string.sub(body or "", 1, 300)
      end
   end
end

function done(summary, latency, requests)
   local bad, body = 0, ""
   for _, thread in ipairs(threads) do
      bad = bad + (thread:get("non200") or 0)
      local b = thread:get("sample")
      if body == "" and b and b ~= "" then body = b end
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   local lines = {
      string.format("requests=%d", summary.requests),
      string.format("rps=%.2f", summary.requests / seconds),
      string.format("p50_ms=%.3f", latency:percentile(50) / 1000),
      string.format("p99_ms=%.3f", latency:percentile(99) / 1000),
      string.format("non200=%d", bad),
      string.format("socket_errors=%d", e.connect + e.read + e.write + e.timeout),
   }
   for _, l in ipairs(lines) do io.write(l, "\n") end
   if bad > 0 then io.write("first non-200: ", body, "\n") end
   local out = os.getenv("BENCH_RESULT")
   if out and out ~= "" then
      local f = assert(io.open(out, "w"))
      for _, l in ipairs(lines) do f:write(l, "\n") end
      f:close()
   end
end
