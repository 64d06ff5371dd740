-- wrk script for the ack bench: each thread sends its own share of pre-signed requests (one per line of the file
-- given as the first argument: timestamp, signature, body, tab-separated), so no request is sent twice unless the
-- file runs out ("wrapped" counts those). Counts acks that are not 200 and acks that say the app is busy.
-- Arguments: the file, the number of wrk threads, and optionally a pause in ms each connection takes between its
-- requests (a steady offered load instead of as fast as the app can go).
local threads = {}
local count = 0

function setup(thread)
  thread:set("tid", count)
  count = count + 1
  table.insert(threads, thread)
end

function init(args)
  local nthreads = tonumber(args[2])
  pause = tonumber(args[3] or "0")
  requests = {}
  local i = 0
  for line in io.lines(args[1]) do
    if i % nthreads == tid then
      local ts, sig, body = line:match("([^\t]*)\t([^\t]*)\t(.*)")
      requests[#requests + 1] = wrk.format("POST", "/slack/events", {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["X-Slack-Request-Timestamp"] = ts,
        ["X-Slack-Signature"] = sig}, body)
    end
    i = i + 1
  end
  sent = 0; busy = 0; failed = 0; wrapped = 0
end

function request()
  sent = sent + 1
  if sent > #requests then wrapped = wrapped + 1 end
  return requests[(sent - 1) % #requests + 1]
end

function delay()
  return pause
end

function response(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
  if body and (body:find("busy") or body:find("try again")) then busy = busy + 1 end
end

function done(summary, latency, requests)
  local b, f, w = 0, 0, 0
  for _, t in ipairs(threads) do
    b = b + t:get("busy"); f = f + t:get("failed"); w = w + t:get("wrapped")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f p50=%.3f p99=%.3f max=%.3f busy=%d non200=%d wrapped=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, b, f, w, e.connect + e.read + e.write + e.timeout))
end
