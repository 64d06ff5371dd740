#!/usr/bin/env bash
# 500 answers submitted at once: time until every one has its report, none lost or doubled, the grader's outcomes,
# 429s, start-up time and resident memory. Runs GradingDrainBench (src/test/java/coach/bench).
# Usage: bench/grading-drain.sh [answers=500] [llm|offline] [LLM stand-in limit, calls per second; 0 = none]
#        (COACH_JVM_OPTS overrides the app's JVM options)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec java -Dfile.encoding=UTF-8 -Dlogback.configurationFile=/dev/null -cp "$CP" coach.bench.GradingDrainBench "${1:-500}" "${2:-llm}" "${3:-0}"
