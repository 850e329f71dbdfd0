-- GET one or more paths in turn with the signed-in cookie (env LOAD_COOKIE) and report the latency percentiles.
-- Paths: env LOAD_PATHS, separated by spaces. Prints one line "RESULT <rps> <p50 ms> <p95 ms> <p99 ms> <ok> <bad>".
local paths = {}
for p in string.gmatch(os.getenv("LOAD_PATHS") or "/", "%S+") do paths[#paths + 1] = p end
local cookie = os.getenv("LOAD_COOKIE") or ""
local threads = {}
local i = 0
ok, bad = 0, 0 -- globals: done() reads them from each thread

function setup(thread) threads[#threads + 1] = thread end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Cookie"] = cookie })
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
  local good, failed = 0, 0
  for _, t in ipairs(threads) do good = good + t:get("ok"); failed = failed + t:get("bad") end
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, good, failed))
end
