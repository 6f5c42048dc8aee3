-- wrk script for bench/pki: one of three request kinds, chosen by BENCH_MODE.
--   issue        POST /api/v1/certificates (over TLS), one JSON body per line of BENCH_BODY, each line sent once
--                (thread n of BENCH_THREADS takes lines n, n + BENCH_THREADS, ...: a resident card per registered
--                resident), Authorization from BENCH_AUTH; 201 expected. Past the last line, 409s show up as bad.
--   ocsp-fresh   POST /ocsp, the DER request from BENCH_BODY whose last 16 bytes (its nonce) are replaced for every
--                request: thread number, a per-thread counter and random bytes, so no two requests are alike
--   ocsp-cached  POST /ocsp, the DER request from BENCH_BODY (no nonce) sent unchanged every time
-- An OCSP answer counts as good only if it is HTTP 200 and its responseStatus is successful (0).
-- BENCH_RESULT (optional): file to write key=value results to.

local threads = {}
local next_id = 0

function setup(thread)
   next_id = next_id + 1
   thread:set("id", next_id)
   table.insert(threads, thread)
end

local mode, body, prefix
local lines = {}
local counter = 0
bad = 0
sample = ""

function init(args)
   mode = os.getenv("BENCH_MODE")
   local path = os.getenv("BENCH_BODY")
   if not mode or not path then
      error("BENCH_MODE and BENCH_BODY must be set")
   end
   local f = assert(io.open(path, "rb"))
   body = f:read("*a")
   f:close()
   math.randomseed(os.time() * 1000 + (id or 0))
   wrk.method = "POST"
   if mode == "issue" then
      for line in body:gmatch("[^\n]+") do table.insert(lines, line) end
      wrk.path = "/api/v1/certificates"
      wrk.headers["Content-Type"] = "application/json"
      wrk.headers["Authorization"] = assert(os.getenv("BENCH_AUTH"), "BENCH_AUTH must be set")
   elseif mode == "ocsp-fresh" or mode == "ocsp-cached" then
      wrk.path = "/ocsp"
      wrk.headers["Content-Type"] = "application/ocsp-request"
      prefix = string.sub(body, 1, #body - 16)
   else
      error("unknown BENCH_MODE " .. mode)
   end
   wrk.body = body
end

local function nonce()
   counter = counter + 1
   local c = counter
   local bytes = { id or 0 }
   for i = 4, 1, -1 do
      bytes[1 + i] = c % 256
      c = math.floor(c / 256)
   end
   for i = 6, 16 do
      bytes[i] = math.random(0, 255)
   end
   return string.char(unpack(bytes))
end

function request()
   if mode == "issue" then
      local step = tonumber(os.getenv("BENCH_THREADS") or "2")
      local line = lines[counter * step + (id or 1)] or lines[#lines]
      counter = counter + 1
      return wrk.format(nil, nil, nil, line)
   end
   if mode == "ocsp-fresh" then
      return wrk.format(nil, nil, nil, prefix .. nonce())
   end
   return wrk.format(nil, nil, nil, body)
end

-- OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, ... }: the enumerated value after the SEQUENCE header
local function ocsp_successful(b)
   if not b or #b < 5 or b:byte(1) ~= 0x30 then return false end
   local len = b:byte(2)
   local i = 3
   if len >= 0x80 then i = 3 + (len - 0x80) end
   return b:byte(i) == 0x0a and b:byte(i + 1) == 1 and b:byte(i + 2) == 0
end

function response(status, headers, b)
   local ok
   if mode == "issue" then
      ok = status == 201
   else
      ok = status == 200 and ocsp_successful(b)
   end
   if not ok then
      bad = bad + 1
      if sample == "" then
         sample = "HTTP " .. status .. ": " .. string.sub(b or "", 1, 300)
      end
   end
end

function done(summary, latency, requests)
   local failed, first = 0, ""
   for _, thread in ipairs(threads) do
      failed = failed + (thread:get("bad") or 0)
      local s = thread:get("sample")
      if first == "" and s and s ~= "" then first = s end
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   local lines = {
      string.format("requests=%d", summary.requests),
      string.format("seconds=%.3f", seconds),
      string.format("rps=%.2f", summary.requests / seconds),
      string.format("p50_ms=%.3f", latency:percentile(50) / 1000),
      string.format("p99_ms=%.3f", latency:percentile(99) / 1000),
      string.format("bad=%d", failed),
      string.format("socket_errors=%d", e.connect + e.read + e.write + e.timeout),
   }
   io.write("-- pki.lua (", os.getenv("BENCH_MODE") or "?", ") --\n") -- done() runs in the main state, without init()
   for _, l in ipairs(lines) do io.write(l, "\n") end
   if failed > 0 then
      io.write("BAD RESPONSES: ", failed, "; first: ", first, "\n")
   end
   local out = os.getenv("BENCH_RESULT")
   if out and out ~= "" then
      local f = assert(io.open(out, "w"))
      for _, l in ipairs(lines) do f:write(l, "\n") end
      f:close()
   end
end
