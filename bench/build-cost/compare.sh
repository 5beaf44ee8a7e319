#!/usr/bin/env bash
# What traced adds to whole Maven builds, against plain javac on the same project.
#
# Two generated projects (GenerateProject.java):
#   dense      100 classes, all of them with 10 @Traced methods (1,000 traced methods)
#   realistic  1,000 classes, 5 % of them (50) with 10 @Traced methods (500 traced methods)
# each in three setups:
#   none    no traced: the same sources without @Traced, plain javac
#   manual  the README's manual configuration (processor path + aspectj-maven-plugin, weaving
#           all of target/classes in place)
#   plugin  traced-maven-plugin as a build extension (weaves only the traced classes javac
#           compiled since the last weave)
# and two builds of each:
#   clean   `mvn -o -q process-classes` from an empty target/
#   again   the same command right after, nothing changed
#
# RUNS rounds (default 5) after one untimed round; within a round every project, setup and build
# runs once, interleaved, so that a busy spell of a shared machine slows all of them alike.
# Prints the median seconds of each and its ratio to `none`; raw times go to WORK/compare.tsv.
#
# Needs traced's artifacts in LOCAL_REPO (default ~/.m2/repository; `mvn -B -DskipTests install`
# at the root). Environment: RUNS (5), WORK (bench/build-cost/target/compare), LOCAL_REPO,
# TRACED_VERSION (0.1.0-SNAPSHOT), PROJECTS ("dense realistic"), MVN_ARGS (more options for mvn).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
RUNS=${RUNS:-5}
WORK=${WORK:-$HERE/target/compare}
LOCAL_REPO=${LOCAL_REPO:-$HOME/.m2/repository}
TRACED_VERSION=${TRACED_VERSION:-0.1.0-SNAPSHOT}
PROJECTS=${PROJECTS:-dense realistic}
SETUPS="none manual plugin"
TIMES=$WORK/compare.tsv
MVN=(mvn -B -o -q "-Dmaven.repo.local=$LOCAL_REPO" ${MVN_ARGS:-})

declare -A SHAPE=([dense]="--classes 100 --methods 10 --traced-percent 100"
                  [realistic]="--classes 1000 --methods 10 --traced-percent 5")

rm -rf "$WORK"
mkdir -p "$WORK"
for project in $PROJECTS; do
  for setup in $SETUPS; do
    # shellcheck disable=SC2086
    java "$HERE/GenerateProject.java" "$WORK/$project-$setup" ${SHAPE[$project]} \
      --setup "$setup" --traced-version "$TRACED_VERSION"
  done
done

# One timed build: prints its seconds; fails the script if the build fails.
timed() {
  local dir=$1 start end
  start=$(date +%s.%N)
  if ! (cd "$dir" && "${MVN[@]}" process-classes > "$WORK/last.log" 2>&1); then
    cat "$WORK/last.log" >&2
    echo "build failed in $dir" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

printf 'round\tproject\tsetup\tbuild\tseconds\n' > "$TIMES"
for round in $(seq 0 "$RUNS"); do
  for project in $PROJECTS; do
    for setup in $SETUPS; do
      dir=$WORK/$project-$setup
      rm -rf "$dir/target"
      clean=$(timed "$dir")
      again=$(timed "$dir")
      if [[ $round == 0 ]]; then
        # the untimed round checks that each setup did what it says
        woven=$(java -jar "$HERE/../../traced-catalogue/target/traced-catalogue.jar" verify \
          "$dir/target/classes" 2> /dev/null || true)
        echo "check $project-$setup: ${woven:-no traced methods}"
        continue
      fi
      printf '%s\t%s\t%s\tclean\t%s\n%s\t%s\t%s\tagain\t%s\n' "$round" "$project" "$setup" \
        "$clean" "$round" "$project" "$setup" "$again" >> "$TIMES"
    done
  done
  echo "round $round of $RUNS done ($(uptime | sed 's/.*load average/load/'))"
done

# Medians, and each one's ratio to plain javac (setup none) of the same project and build.
# Sorted by key and time first, so that awk (mawk has no sort) finds each median in order.
tail -n +2 "$TIMES" | sort -t$'\t' -k2,2 -k3,3 -k4,4 -k5,5g | awk -F'\t' '
  { key = $2 "\t" $3 "\t" $4; n[key]++; t[key, n[key]] = $5 }
  END {
    for (key in n) {
      c = n[key]
      median[key] = (c % 2) ? t[key, (c + 1) / 2] : (t[key, c / 2] + t[key, c / 2 + 1]) / 2
    }
    printf "%-10s %-7s %-6s %8s %8s\n", "project", "setup", "build", "median", "x none"
    split("dense realistic", projects, " ")
    split("none manual plugin", setups, " ")
    split("clean again", builds, " ")
    for (p = 1; p <= 2; p++) for (b = 1; b <= 2; b++) for (s = 1; s <= 3; s++) {
      key = projects[p] "\t" setups[s] "\t" builds[b]
      base = projects[p] "\tnone\t" builds[b]
      if (key in median)
        printf "%-10s %-7s %-6s %7.2fs %7.2fx\n", projects[p], setups[s], builds[b],
          median[key], median[key] / median[base]
    }
  }'
