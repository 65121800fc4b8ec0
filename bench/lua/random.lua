-- Scenarios "cached" and "head": one request per random instance value.
-- args: METHOD PREFIX SUFFIX LOW HIGH   e.g. GET /client.json?instance_id= "" 1 999999
local report = dofile((os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/report.lua")
local method, prefix, suffix, low, high
local host = os.getenv("BENCH_HOST") or "example.com"
local tail

function setup(thread)
  thread:set("tid", math.random(1, 1000000))
end

function init(args)
  method = args[1] or "GET"
  prefix = args[2] or "/client.json?instance_id="
  suffix = args[3] or ""
  low = tonumber(args[4] or "1")
  high = tonumber(args[5] or "999999")
  tail = suffix .. " HTTP/1.1\r\nHost: " .. host .. "\r\n\r\n"
  report.seed(tid)
end

function request()
  return method .. " " .. prefix .. math.random(low, high) .. tail
end

done = report.done
