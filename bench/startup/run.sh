#!/usr/bin/env bash
# Start-up to the first exported span, whole process: the traced variant of the demo against the
# same program with @WithSpan under the OpenTelemetry java agent (StartupHarness, StartupApp).
#
#   mvn -B -pl bench -am verify        # once: builds bench/target/benchmarks.jar, copies the agent
#   bench/startup/run.sh [runs] [warm-up rounds]     # defaults: 10 and 1
#
# Runs from the repository root whatever the current directory (the agent is found relative to
# it). Uses $JAVA_HOME/bin/java if JAVA_HOME is set, else java on the PATH.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=bench/target/benchmarks.jar
if [[ ! -f $JAR ]]; then
  echo "$JAR not found: run mvn -B -pl bench -am verify first" >&2
  exit 1
fi
# A copy, so that a build rewriting bench/target cannot change the classes under a run.
COPY=$(mktemp -d)/benchmarks.jar
trap 'rm -rf "$(dirname "$COPY")"' EXIT
cp "$JAR" "$COPY"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$COPY" dev.traced.bench.StartupHarness "${1:-10}" "${2:-1}"
