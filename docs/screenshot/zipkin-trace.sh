#!/usr/bin/env bash
# Takes docs/zipkin-trace.png, the picture near the top of the README: the demo's first order as
# Zipkin's UI shows it, with the traced span "checkout" selected so that its tags show.
#
#   mvn -B -q -DskipTests install        # once: builds demo/target/traced-demo.jar
#   docs/screenshot/zipkin-trace.sh      # [output.png]
#
# It runs everything on loopback and stops it all on exit: Zipkin's server (the version the root
# pom manages, fetched with Maven into target/zipkin when missing), the demo with
# OTEL_TRACES_EXPORTER=zipkin, then headless Chromium driven by playwright-core (select-span.mjs)
# to click the span and take the picture. Chromium comes from the distribution's packages and is
# installed (apt-get, as root or through sudo) when missing; playwright-core from the npm
# registry into target/screenshot, without a browser download. Needs java, mvn, curl, node, npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(realpath -m "${1:-$root/docs/zipkin-trace.png}")
work=$root/target/screenshot
demo_jar=$root/demo/target/traced-demo.jar
cd "$root"

[[ -f $demo_jar ]] || { echo "no $demo_jar: build it first (mvn -B -q -DskipTests install)" >&2; exit 1; }
mkdir -p "$work"

zipkin_version=$(sed -n 's:.*<zipkin-server.version>\(.*\)</zipkin-server.version>.*:\1:p' pom.xml)
zipkin_jar=$root/target/zipkin/zipkin-server-$zipkin_version-exec.jar
if [[ ! -f $zipkin_jar ]]; then
  mvn -B -q -N dependency:copy -Dartifact="io.zipkin:zipkin-server:$zipkin_version:jar:exec" \
    -DoutputDirectory="$root/target/zipkin"
fi

if ! command -v chromium >/dev/null; then
  sudo=$([[ $(id -u) == 0 ]] || echo sudo)
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium
fi
if [[ ! -d $work/node_modules/playwright-core ]]; then
  npm install --prefix "$work" --no-audit --no-fund --silent playwright-core@1
fi

pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait' EXIT

# Zipkin on loopback, on a free port of its choosing: it logs "Serving HTTP at /127.0.0.1:<port> - ...".
java -Xmx384m -jar "$zipkin_jar" '--armeria.ports[0].ip=127.0.0.1' '--armeria.ports[0].port=0' \
  >"$work/zipkin.log" 2>&1 &
pids+=($!)
port=
for _ in $(seq 1 300); do
  port=$(sed -n 's/.*Serving HTTP at .*:\([0-9][0-9]*\) - http.*/\1/p' "$work/zipkin.log" | head -1)
  [[ -n $port ]] && curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$work/zipkin.log" >&2; exit 1; }
  sleep 0.5
done
[[ -n $port ]] || { echo "Zipkin did not start; see $work/zipkin.log" >&2; exit 1; }
zipkin=http://127.0.0.1:$port

# The demo: both services, two orders; it exits once its spans are sent.
OTEL_TRACES_EXPORTER=zipkin OTEL_EXPORTER_ZIPKIN_ENDPOINT=$zipkin/api/v2/spans \
  timeout 120 java -jar "$demo_jar" >"$work/demo.log" 2>&1
# The first order's trace, from the shop's log line (its trace_id).
trace=$(sed -n 's/^\[shop\] .* INFO  OrderService trace_id=\([0-9a-f]\{32\}\) .*/\1/p' \
  "$work/demo.log" | head -1)
[[ -n $trace ]] || { echo "no trace id in $work/demo.log" >&2; exit 1; }
for _ in $(seq 1 60); do
  spans=$(curl -sf "$zipkin/api/v2/trace/$trace" | grep -o '"traceId"' | wc -l || true)
  [[ $spans -ge 9 ]] && break
  sleep 0.5
done

node "$root/docs/screenshot/select-span.mjs" "$zipkin/zipkin/traces/$trace" "shop: checkout" "$out"
echo "$out: trace $trace ($spans spans)"
