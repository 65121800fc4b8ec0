-- Scenario "conditional": If-None-Match with each document's own ETag, expecting 304.
-- args: FILE, whose lines are "<request target><TAB><ETag>", fetched by run.sh beforehand.
local report = dofile((os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/report.lua")
local host = os.getenv("BENCH_HOST") or "example.com"
local requests_ = {}

function setup(thread)
  thread:set("tid", math.random(1, 1000000))
end

function init(args)
  for line in io.lines(args[1]) do
    local target, etag = line:match("^([^\t]+)\t(.+)$")
    if target then
      requests_[#requests_ + 1] = "GET " .. target .. " HTTP/1.1\r\nHost: " .. host ..
        "\r\nIf-None-Match: " .. etag .. "\r\n\r\n"
    end
  end
  if #requests_ == 0 then
    error("no ETags in " .. tostring(args[1]))
  end
  report.seed(tid)
end

function request()
  return requests_[math.random(1, #requests_)]
end

done = report.done
