-- wrk script for bench/feedback.sh: POST /f/{token} with a JSON survey answer, cycling through
-- the 11 scores, and count the answers whose status is not EXPECT_STATUS (default 201). With
-- GET_ONLY set it sends plain GETs instead (the same connections and accounting).
-- The path comes from the URL given to wrk. At the end prints
--   RESULT <requests/s> <p50 ms> <p99 ms> <requests> <unexpected> <statuses>
local expected = tonumber(os.getenv("EXPECT_STATUS") or "201")
local threads = {}
local requests = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  unexpected = 0
  statuses = {}
  next_request = 0
  if os.getenv("GET_ONLY") then  -- the same load as plain GETs (for GET /healthz)
    requests[1] = wrk.format("GET", nil, { ["Accept"] = "application/json" })
    return
  end
  for score = 0, 10 do
    local body = string.format('{"score":%d,"why":"Snel geholpen, dank je wel (wrk %d)."}',
      score, score)
    requests[#requests + 1] = wrk.format("POST", nil,
      { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, body)
  end
  next_request = 0
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function response(status, headers, body)
  if status ~= expected then
    unexpected = unexpected + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  local by_status = {}
  for _, thread in ipairs(threads) do
    total = total + thread:get("unexpected")
    for status, n in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + n
    end
  end
  local listed = {}
  for status, n in pairs(by_status) do listed[#listed + 1] = status .. ":" .. n end
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d %s\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests, total,
    #listed > 0 and table.concat(listed, ",") or "-"))
end
