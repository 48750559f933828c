-- wrk script of bench/api: at the end of a run, prints one line that bench/api parses:
-- RESULT <req/s> <p50 ms> <p99 ms> <requests> <non-2xx/3xx responses> <socket errors>
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
