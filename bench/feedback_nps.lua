-- wrk script for bench/feedback.sh: GET requests (URL and Authorization header given to wrk);
-- counts answers other than 200. At the end prints
--   RESULT <requests/s> <p50 ms> <p99 ms> <requests> <non-200>
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  unexpected = 0
end

function response(status, headers, body)
  if status ~= 200 then unexpected = unexpected + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("unexpected") end
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d %.2f\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests, total, latency:percentile(95) / 1000))
end
