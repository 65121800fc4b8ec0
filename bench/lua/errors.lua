-- Scenario "errors": values the example's pattern [0-9]{1,6} refuses, as an attacker would send them.
-- Half are fixed malformed values, half random 7-digit numbers (never cacheable as one entry).
-- args: PREFIX   (default /client.json?instance_id=)
local report = dofile((os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/report.lua")
local prefix
local tail = " HTTP/1.1\r\nHost: " .. (os.getenv("BENCH_HOST") or "example.com") .. "\r\n\r\n"
local bad = { "abc", "1234567", "", "..", "%2e%2e", "1%2F2", "-1", "1.5", "12a", "%20", "0x10", "99999999999" }

function setup(thread)
  thread:set("tid", math.random(1, 1000000))
end

function init(args)
  prefix = args[1] or "/client.json?instance_id="
  report.seed(tid)
end

function request()
  if math.random() < 0.5 then
    return "GET " .. prefix .. bad[math.random(1, #bad)] .. tail
  end
  return "GET " .. prefix .. math.random(1000000, 9999999) .. tail
end

done = report.done
