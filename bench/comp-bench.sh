#!/usr/bin/env bash
# Load benchmark of the deterministic comp path (parse + answer/offer check + isCompQuestion).
# Usage: bench/comp-bench.sh [threads=50] [seconds=5] [warm-up seconds=2]
# Runs CompBench (src/test/java/coach/comp/CompBench.java) in one JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
exec java -Dfile.encoding=UTF-8 -Dlogback.configurationFile=/dev/null -cp "$CP" coach.comp.CompBench "${1:-50}" "${2:-5}" "${3:-2}"
