#!/usr/bin/env bash
# Ack latency of signed /mock slash commands: starts the packaged app against a WireMock Slack stand-in and drives it
# with wrk (50 connections, 10 s). Prints requests/s, p50/p99 ack latency and the app's resident memory.
# Usage: bench/mock-ack.sh [connections] [seconds]      (needs: mvn package, wrk — installed via apt-get if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
CONNS=${1:-50}
SECS=${2:-10}
APP_PORT=${APP_PORT:-3917}
MOCK_PORT=${MOCK_PORT:-3918}
SECRET=bench-secret
WORK=$(mktemp -d)
trap 'kill ${APP_PID:-} ${MOCK_PID:-} 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/interview-coach.jar ] || mvn -q -B -DskipTests package
mvn -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.1 -DoutputDirectory="$WORK" >/dev/null

mkdir -p "$WORK/mappings"
cat > "$WORK/mappings/slack.json" <<'JSON'
{"mappings": [
 {"request": {"method": "POST", "urlPath": "/api/auth.test"}, "response": {"status": 200, "jsonBody":
   {"ok": true, "team_id": "T1", "user_id": "UBOT", "bot_id": "BBOT", "url": "https://t.slack.com/"}}},
 {"request": {"method": "POST", "urlPath": "/api/chat.postMessage"}, "response": {"status": 200,
   "body": "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"{{randomValue length=9 type='NUMERIC'}}.000100\"}",
   "headers": {"Content-Type": "application/json"}, "transformers": ["response-template"]}},
 {"request": {"method": "ANY", "urlPattern": "/.*"}, "response": {"status": 200, "jsonBody": {"ok": true}}}
]}
JSON
java -jar "$WORK"/wiremock-standalone-3.13.1.jar --port "$MOCK_PORT" --root-dir "$WORK" --global-response-templating \
  --disable-request-logging --no-request-journal >"$WORK/wiremock.log" 2>&1 &
MOCK_PID=$!

SLACK_BOT_TOKEN=xoxb-bench SLACK_SIGNING_SECRET=$SECRET SLACK_API_URL="http://127.0.0.1:$MOCK_PORT/api/" \
PORT=$APP_PORT COACH_DB_URL="jdbc:h2:file:$WORK/db/coach;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
COACH_LOG_LEVEL=WARN java -Dfile.encoding=UTF-8 -jar target/interview-coach.jar >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$APP_PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done

# 200 users, each request signed the way Slack signs it (signatures stay valid for 5 minutes). wrk cannot sign each
# request anew, so it sends these 200 over and over: the app takes the first copy of each (stores the question, queues
# its post) and answers every later copy 200 as a replay, after the same signature check but without the work.
# The figures therefore measure the gate and the replay check far more than storing a question.
TS=$(date +%s)
{
  echo "local requests = {}"
  for u in $(seq 1 200); do
    BODY="token=x&team_id=T1&team_domain=bench&channel_id=D$u&channel_name=directmessage&user_id=U$u&user_name=bench&command=%2Fmock&text=system-design&api_app_id=A1&response_url=http%3A%2F%2F127.0.0.1%3A$MOCK_PORT%2Fresponse&trigger_id=t"
    SIG="v0=$(printf 'v0:%s:%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)"
    echo "requests[$u] = wrk.format('POST', '/slack/events', {['Host']='127.0.0.1', ['Content-Type']='application/x-www-form-urlencoded', ['X-Slack-Request-Timestamp']='$TS', ['X-Slack-Signature']='$SIG'}, '$BODY')"
  done
  cat <<'LUA'
local i = 0
request = function()
  i = i % #requests + 1
  return requests[i]
end
done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("ack latency p50: %.1f ms, p99: %.1f ms, max: %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx: %d, socket errors: %d\n", summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
} > "$WORK/post.lua"
# warm up the JIT, then measure
wrk -t2 -c"$CONNS" -d3s -s "$WORK/post.lua" "http://127.0.0.1:$APP_PORT/slack/events" >/dev/null
echo "== /mock ack: $CONNS connections, ${SECS}s (wrk on the same cores) =="
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "$WORK/post.lua" "http://127.0.0.1:$APP_PORT/slack/events" | tail -4
echo "acks that said 'busy, try again' (follow-up work queue full): $(grep -c 'work queue full' "$WORK/app.log" || true)"
echo "app resident memory: $(( $(awk '/VmRSS/{print $2}' /proc/$APP_PID/status) / 1024 )) MiB"
