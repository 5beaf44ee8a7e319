#!/usr/bin/env bash
# What traced adds to the build of a project with 1,000 @Traced methods in 100 classes.
#
# Generates the project (GenerateProject.java) and builds it RUNS times (default 5) in each mode,
# from scratch each time (target/ removed), the modes interleaved so that a slow spell of a
# shared machine hits all of them alike; then prints the median, min and max of each mode.
#
# Modes, each as a whole `mvn -o -q` invocation (Maven's start-up included) and as direct tool
# calls with the same options and class paths as Maven's (compile time alone, one JVM per call):
#   1 plain javac      no annotation processing, no weave     mvn compile -Dmaven.compiler.proc=none
#   2 + processor      javac running the traced processor     mvn compile
#   3 + weave          2, then ajc weaving target/classes     mvn process-classes
#   4 semconv off      2 with -Atraced.semconv=off            mvn compile -P semconv-off
#
# Needs the traced artifacts in the local Maven repository (`mvn -B -DskipTests install` at the
# root of the repository). Environment: RUNS (5), WARMUP (1 untimed round), WORK (the folder
# for the project and results; default bench/build-cost/target), CLASSES (100), METHODS (10),
# TRACED_VERSION (0.1.0-SNAPSHOT), DIRECT (1; 0 skips the direct tool calls), LOCAL_REPO (the
# local Maven repository; ~/.m2/repository), PRIVATE_REPO (1; 0 builds against LOCAL_REPO itself).
#
# By default the builds use a private snapshot of the local repository in WORK (hard links, and a
# real copy of dev/traced), so that an `mvn install` of traced elsewhere during the run cannot
# swap the processor under it or remove a jar half-way through a build.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
WORK=${WORK:-$HERE/target}
CLASSES=${CLASSES:-100}
METHODS=${METHODS:-10}
TRACED_VERSION=${TRACED_VERSION:-0.1.0-SNAPSHOT}
DIRECT=${DIRECT:-1}
LOCAL_REPO=${LOCAL_REPO:-$HOME/.m2/repository}
PRIVATE_REPO=${PRIVATE_REPO:-1}
PROJECT=$WORK/project
DIRECT_OUT=$WORK/direct
TIMES=$WORK/times.tsv
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
mkdir -p "$WORK"
MVN=(mvn -B -o -q)
if [[ $PRIVATE_REPO == 1 ]]; then
  if [[ ! -d $LOCAL_REPO/dev/traced ]]; then
    echo "No traced artifacts in $LOCAL_REPO: run mvn -B -DskipTests install at the root." >&2
    exit 1
  fi
  rm -rf "$WORK/repository"
  cp -al "$LOCAL_REPO" "$WORK/repository" 2> /dev/null || cp -r "$LOCAL_REPO" "$WORK/repository"
  rm -rf "$WORK/repository/dev/traced"
  cp -r "$LOCAL_REPO/dev/traced" "$WORK/repository/dev/traced"
  MVN+=("-Dmaven.repo.local=$WORK/repository")
  echo "Building against a snapshot of $LOCAL_REPO in $WORK/repository" \
    "(traced-processor jar of $(date -r "$WORK/repository/dev/traced/traced-processor/$TRACED_VERSION/traced-processor-$TRACED_VERSION.jar" '+%F %T'))."
fi

rm -rf "$PROJECT" "$DIRECT_OUT"
"${JAVA_BIN}java" "$HERE/GenerateProject.java" "$PROJECT" \
  --classes "$CLASSES" --methods "$METHODS" --traced-version "$TRACED_VERSION"
cd "$PROJECT"

# One verbose build: checks that the project builds and weaves, and records the exact javac and
# ajc command lines Maven uses, for the direct calls.
if ! mvn -B -o -X "${MVN[@]:4}" process-classes > "$WORK/maven-debug.log" 2>&1; then
  grep -E '^\[(ERROR|WARNING)\]' "$WORK/maven-debug.log" | head -40 >&2
  echo "The generated project does not build; see $WORK/maven-debug.log." \
    "Are the traced artifacts installed (mvn -B -DskipTests install at the root)?" >&2
  exit 1
fi
woven=$(find target/classes -name '*_Traced.class' | wc -l)
aspects=$(find target/generated-sources/annotations -name '*.aj' | wc -l)
echo "Build check: $aspects aspects generated, $woven aspect classes woven into target/classes."

# The value after option $1 on the debug line that starts with $2.
option_of() {
  grep -A1 -- "$2" "$WORK/maven-debug.log" | tail -1 | tr ' ' '\n' | grep -A1 -x -- "$1" | tail -1
}
CLASSPATH_JAVAC=$(option_of -classpath 'Command line options:')
PROCESSORPATH=$(option_of -processorpath 'Command line options:')
CLASSPATH_AJC=$(grep -m1 'Running : ajc' "$WORK/maven-debug.log" | tr ' ' '\n' \
  | grep -A1 -x -- -classpath | tail -1)
REPOSITORY=${PROCESSORPATH%%/dev/traced/*}
ASPECTJTOOLS=$(ls "$REPOSITORY"/org/aspectj/aspectjtools/*/aspectjtools-*.jar | grep -v sources | tail -1)
find "$PROJECT/src/main/java" -name '*.java' | sort > "$WORK/sources.txt"

JAVAC_OPTIONS=(-g --release 17 -encoding UTF-8 -classpath "$CLASSPATH_JAVAC")

clean_direct() { rm -rf "$DIRECT_OUT"; mkdir -p "$DIRECT_OUT/classes" "$DIRECT_OUT/generated"; }
direct_javac() { # extra javac options...
  "${JAVA_BIN}javac" "${JAVAC_OPTIONS[@]}" -d "$DIRECT_OUT/classes" "$@" @"$WORK/sources.txt"
}
direct_processor() { # extra javac options...
  direct_javac -processorpath "$PROCESSORPATH" -s "$DIRECT_OUT/generated" "$@"
}
direct_weave() {
  find "$DIRECT_OUT/generated" -name '*.aj' > "$WORK/aspects.txt"
  "${JAVA_BIN}java" -cp "$ASPECTJTOOLS" org.aspectj.tools.ajc.Main \
    -Xajruntimetarget:1.5 -encoding UTF-8 --release 17 -classpath "$CLASSPATH_AJC" \
    -inpath "$DIRECT_OUT/classes" -d "$DIRECT_OUT/classes" -Xlint:adviceDidNotMatch=error \
    @"$WORK/aspects.txt"
}

MODES=(
  "mvn   1 plain javac (-proc:none)"
  "mvn   2 javac + traced processor"
  "mvn   3 javac + processor + weave"
  "mvn   4 processor, semconv check off"
)
if [[ $DIRECT == 1 ]]; then
  MODES+=(
    "javac 1 plain javac (-proc:none)"
    "javac 2 javac + traced processor"
    "javac 3 javac + processor + ajc"
    "javac 4 processor, semconv check off"
  )
fi

# Builds in mode $1 (a MODES entry).
build() {
  case $1 in
    "mvn   1"*) "${MVN[@]}" compile -Dmaven.compiler.proc=none ;;
    "mvn   2"*) "${MVN[@]}" compile ;;
    "mvn   3"*) "${MVN[@]}" process-classes ;;
    "mvn   4"*) "${MVN[@]}" compile -P semconv-off ;;
    "javac 1"*) direct_javac -proc:none ;;
    "javac 2"*) direct_processor ;;
    "javac 3"*) direct_processor && direct_weave ;;
    "javac 4"*) direct_processor -Atraced.semconv=off ;;
  esac
}

# Checks that the build of mode $1 did what the mode says: aspects written or not, woven or not.
check() {
  local target=$PROJECT/target generated=$PROJECT/target/generated-sources/annotations
  [[ $1 == javac* ]] && target=$DIRECT_OUT && generated=$DIRECT_OUT/generated
  local aspects woven
  aspects=$(find "$generated" -name '*.aj' 2> /dev/null | wc -l)
  woven=$(find "$target" -name '*_Traced.class' | wc -l)
  local want_aspects=$CLASSES want_woven=0
  [[ ${1:6:1} == 1 ]] && want_aspects=0
  [[ ${1:6:1} == 3 ]] && want_woven=$CLASSES
  if ((aspects != want_aspects || woven != want_woven)); then
    echo "mode '$1' wrote $aspects aspects and wove $woven (expected $want_aspects and $want_woven)" >&2
    exit 1
  fi
}

# Times one build in mode $1 from an empty output folder; prints "mode<TAB>milliseconds".
run_mode() {
  case $1 in
    mvn*) rm -rf "$PROJECT/target" ;;
    javac*) clean_direct ;;
  esac
  local start end
  start=$(date +%s%N)
  if ! build "$1" > "$WORK/last-run.log" 2>&1; then
    cat "$WORK/last-run.log" >&2
    echo "mode '$1' failed" >&2
    exit 1
  fi
  end=$(date +%s%N)
  check "$1"
  printf '%s\t%d\n' "$1" $(((end - start) / 1000000))
}

: > "$TIMES"
for ((round = 1 - WARMUP; round <= RUNS; round++)); do
  label="run $round/$RUNS"
  ((round < 1)) && label="warm-up"
  for mode in "${MODES[@]}"; do
    line=$(run_mode "$mode")
    echo "$label: ${line/$'\t'/: } ms" >&2
    if ((round >= 1)); then echo "$line" >> "$TIMES"; fi
  done
done

echo
echo "Medians of $RUNS builds each ($CLASSES classes x $METHODS @Traced methods; $(nproc) cores;" \
  "$("${JAVA_BIN}java" -version 2>&1 | head -1); $(mvn -v 2> /dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')):"
printf '%-40s %9s %9s %9s %8s  %s\n' mode median min max spread "vs plain javac (same family)"
awk -F'\t' '
  {
    if (!($1 in count)) order[n++] = $1
    value[$1, ++count[$1]] = $2
  }
  END {
    for (i = 0; i < n; i++) {
      m = order[i]; k = count[m]
      for (a = 1; a <= k; a++) v[a] = value[m, a] + 0
      for (a = 1; a <= k; a++) for (b = a + 1; b <= k; b++) if (v[b] < v[a]) { t = v[a]; v[a] = v[b]; v[b] = t }
      median[m] = (k % 2) ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
      low[m] = v[1]; high[m] = v[k]
      family = substr(m, 1, 5); mode = substr(m, 7, 1)
      of[family, mode] = median[m]
    }
    for (i = 0; i < n; i++) {
      m = order[i]; family = substr(m, 1, 5)
      printf "%-40s %8.2fs %8.2fs %8.2fs %7.0f%%  x%.2f\n", m, median[m] / 1000, low[m] / 1000,
        high[m] / 1000, 100 * (high[m] - low[m]) / median[m], median[m] / of[family, "1"]
    }
    for (f in of) {
      split(f, part, SUBSEP)
      if (part[2] == "2" && ((part[1], "4") in of))
        printf "%s: the semantic-convention check adds %+.1f%% to the build (mode 2 against mode 4)\n",
          part[1], 100 * (of[part[1], "2"] / of[part[1], "4"] - 1)
    }
  }' "$TIMES"
echo "Raw times (ms): $TIMES"
