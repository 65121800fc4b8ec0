-- Many definitions: a random definition k in 1..COUNT and a random instance value per request.
-- Odd k is the query form (/c/k.json?instance_id=v), even k the path form (/t/k/v.json),
-- matching the files that gen-defs.sh writes.
-- args: COUNT HIGH
local report = dofile((os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/report.lua")
local count, high
local tail = " HTTP/1.1\r\nHost: " .. (os.getenv("BENCH_HOST") or "example.com") .. "\r\n\r\n"

function setup(thread)
  thread:set("tid", math.random(1, 1000000))
end

function init(args)
  count = tonumber(args[1] or "10000")
  high = tonumber(args[2] or "999999")
  report.seed(tid)
end

function request()
  local k = math.random(1, count)
  local v = math.random(1, high)
  if k % 2 == 1 then
    return "GET /c/" .. k .. ".json?instance_id=" .. v .. tail
  end
  return "GET /t/" .. k .. "/" .. v .. ".json" .. tail
end

done = report.done
