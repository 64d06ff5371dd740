#!/usr/bin/env bash
# Ack latency of signed /mock slash commands against a bare Bolt app in the same run, with the busy count, questions
# stored and posted, start-up time and resident memory. Runs MockAckBench (src/test/java/coach/bench).
# Usage: bench/mock-ack.sh [connections=50] [seconds=10] [ordinary load, commands/s=200]
#        (COACH_JVM_OPTS overrides the app's JVM options)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
mvn -q -B -DskipTests package
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec java -Dfile.encoding=UTF-8 -Dlogback.configurationFile=/dev/null -cp "$CP" coach.bench.MockAckBench "${1:-50}" "${2:-10}" "${3:-200}"
