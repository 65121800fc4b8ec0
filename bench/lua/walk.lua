-- Growth: walks instance values 1..TOTAL exactly once across all threads, then stops.
-- Thread i of n sends i, i+n, i+2n, ...; when a thread has sent its share it writes the marker
-- file "$BENCH_WALK_DONE.<i>" and stops, and run.sh then ends wrk (whose -d is only an upper bound).
-- args: TOTAL PREFIX SUFFIX
local report = dofile((os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/report.lua")
local total, prefix, tail, nthreads, next_value
local host = os.getenv("BENCH_HOST") or "example.com"
local marker = os.getenv("BENCH_WALK_DONE")
local index = 0
local finished = false

function setup(thread)
  index = index + 1
  thread:set("tid", index)
end

function init(args)
  total = tonumber(args[1] or "1000000")
  prefix = args[2] or "/client.json?instance_id="
  tail = (args[3] or "") .. " HTTP/1.1\r\nHost: " .. host .. "\r\n\r\n"
  nthreads = tonumber(os.getenv("BENCH_WALK_THREADS") or "1")
  next_value = tid
end

function request()
  local v = next_value
  if v > total then
    if not finished then
      finished = true
      if marker then
        local f = io.open(marker .. "." .. tid, "w")
        if f then f:write(tostring(next_value - nthreads), "\n"); f:close() end
      end
      wrk.thread:stop()
    end
    -- The thread stops at its next turn; until then repeat a value already seen.
    v = tid
  end
  next_value = next_value + nthreads
  return "GET " .. prefix .. v .. tail
end

done = report.done
