-- Shared by every scenario script: prints one machine-readable line when wrk finishes.
-- Latency figures are microseconds, as wrk records them.
local report = {}

function report.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCHJSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"status_errors":%d,"timeouts":%d,' ..
    '"lat_mean_us":%.1f,"lat_p50_us":%d,"lat_p90_us":%d,"lat_p99_us":%d,"lat_p999_us":%d,"lat_max_us":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max))
end

-- Each thread gets its own seed so threads do not replay the same sequence.
local seeded = 0
function report.seed(extra)
  seeded = seeded + 1
  math.randomseed(os.time() + (extra or 0) * 7919 + seeded)
  for _ = 1, 10 do math.random() end
end

return report
