#!/usr/bin/env bash
# Where ajc's time goes, on a project compare.sh built with the plugin: ajc called directly (one
# JVM per call, no Maven), on exactly what traced's weave gives it (target/traced/weave/), in
# five ways:
#   start       ajc -version: the JVM and ajc starting, nothing compiled
#   floor       one trivial aspect (around advice on one class's methods, `return proceed()`)
#               woven into the same classes: what AspectJ itself costs here
#   empty       traced's aspects with every advice body cut to its proceed (EmptyAdvice.java),
#               compiled and woven: AspectJ's floor for that many around advices
#   aspects     traced's aspects compiled, nothing woven
#   full        traced's aspects compiled and woven into the classes: what the build runs
# RUNS rounds (default 3), interleaved; prints the median seconds of each.
#
# Usage: bench/build-cost/ajc-breakdown.sh PROJECT_DIR   (for example target/compare/dense-plugin
# after compare.sh). Environment: RUNS, LOCAL_REPO (~/.m2/repository), ASPECTJ (1.9.25).
set -euo pipefail

PROJECT=$(cd "$1" && pwd)
RUNS=${RUNS:-3}
LOCAL_REPO=${LOCAL_REPO:-$HOME/.m2/repository}
ASPECTJ=${ASPECTJ:-1.9.25}
TOOLS=$LOCAL_REPO/org/aspectj/aspectjtools/$ASPECTJ/aspectjtools-$ASPECTJ.jar
WORK=$PROJECT/target/ajc-breakdown
rm -rf "$WORK"
mkdir -p "$WORK"

# What the weave works on: a fresh compile, staged by traced's stage-weave.
(cd "$PROJECT" && rm -rf target/classes target/traced && \
  mvn -B -o -q "-Dmaven.repo.local=$LOCAL_REPO" ${MVN_ARGS:-} compile)
cp -r "$PROJECT/target/classes" "$WORK/unwoven"
STAGED=$PROJECT/target/traced/weave
find "$STAGED/aspects" -name '*.aj' > "$WORK/aspects.txt"
# shellcheck disable=SC2046
java "$(dirname "$0")/EmptyAdvice.java" "$WORK/empty" $(cat "$WORK/aspects.txt")
find "$WORK/empty" -name '*.aj' > "$WORK/empty.txt"
(cd "$PROJECT" && mvn -B -q "-Dmaven.repo.local=$LOCAL_REPO" ${MVN_ARGS:-} \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" > /dev/null)
CLASSPATH=$(cat "$WORK/classpath.txt"):$WORK/unwoven

# The floor's aspect advises the methods of the first staged class.
first=$(cd "$STAGED/classes" && find . -name '*.class' ! -name '*$*' | sort | head -1)
first=${first#./}
first=${first%.class}
cat > "$WORK/Floor.aj" << EOF
aspect Floor {
  Object around(): execution(* ${first//\//.}.*(..)) { return proceed(); }
}
EOF

ajc() {
  java -cp "$TOOLS" org.aspectj.tools.ajc.Main --release 17 -Xlint:ignore -d "$WORK/out" "$@"
}
timed() {
  local name=$1 start
  shift
  rm -rf "$WORK/out"
  mkdir -p "$WORK/out"
  start=$(date +%s.%N)
  ajc "$@" > "$WORK/$name.log" 2>&1 || { cat "$WORK/$name.log" >&2; exit 1; }
  printf '%s\t%s\n' "$name" "$(echo "$(date +%s.%N) - $start" | bc)" >> "$WORK/times.tsv"
}

for round in $(seq 1 "$RUNS"); do
  timed start -version
  timed floor -classpath "$CLASSPATH" -inpath "$STAGED/classes" "$WORK/Floor.aj"
  # shellcheck disable=SC2046
  timed empty -classpath "$CLASSPATH" -inpath "$STAGED/classes" $(cat "$WORK/empty.txt")
  # shellcheck disable=SC2046
  timed aspects -classpath "$CLASSPATH" $(cat "$WORK/aspects.txt")
  # shellcheck disable=SC2046
  timed full -classpath "$CLASSPATH" -inpath "$STAGED/classes" $(cat "$WORK/aspects.txt")
done

echo "$(find "$STAGED/classes" -name '*.class' | wc -l) classes, $(wc -l < "$WORK/aspects.txt")" \
  "aspects, $(grep -c 'around(' $(cat "$WORK/aspects.txt") | awk -F: '{ n += $2 } END { print n }')" \
  "around advices"
sort -k1,1 -k2,2g "$WORK/times.tsv" | awk '
  { n[$1]++; t[$1, n[$1]] = $2 }
  END {
    split("start floor empty aspects full", names, " ")
    for (i = 1; i <= 5; i++) {
      c = n[names[i]]
      m = (c % 2) ? t[names[i], (c + 1) / 2] : (t[names[i], c / 2] + t[names[i], c / 2 + 1]) / 2
      printf "%-8s %6.2fs\n", names[i], m
    }
  }'
