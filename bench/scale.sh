#!/usr/bin/env bash
# Issue 7's benchmark: thbstat on each runner against a hand-written single-thread Java loop and
# DuckDB (2 threads), on generated case-level microdata of several sizes. Every run is one whole
# process timed with GNU time (wall, user+sys CPU, peak RSS); every run's cube is checked against
# the hand loop's. Not part of the test suite. See bench/README.md.
#
#   bench/scale.sh [SIZES] [RUNS] [TOOLS]
#   bench/scale.sh --check DIR [TOOLS]
#
#   SIZES  records to generate, comma-separated (default 1000000,10000000,50000000)
#   RUNS   runs of each tool per size, interleaved (default 3; the tables give medians)
#   TOOLS  comma-separated, of: hand, duckdb, DirectRunner, FlinkRunner, SparkRunner (default all)
#   --check DIR  one run of each tool over an existing input folder, and the cube comparison only
#                (e.g. bench/fixtures/edge-cases)
# Environment:
#   JAVA_OPTS     JVM options for every Java process (thbstat, hand loop, DuckDB job), e.g. -Xmx4g
#   THBSTAT_OPTS  extra options of `thbstat run` (e.g. a split size)
#   GEN_OPTS      extra options of `thbstat generate` (e.g. "--countries AT,BE,DE --years 2019-2021")
#   SEED          seed of the generated records (default 1)
#   BENCH_DATA    folder of the generated data (default bench/data; kept and reused)
#   BENCH_OUT     folder of the results (default bench/out)
#   THBSTAT_JAR   thbstat's runnable jar (default pipeline/target/thbstat.jar, built if absent)
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
fail() { echo "bench: $*" >&2; exit 1; }

check_dir=""
if [ "${1:-}" = "--check" ]; then
  [ $# -ge 2 ] || usage
  check_dir=$2
  [ -d "$check_dir" ] || fail "no input folder $check_dir"
  tools_arg=${3:-}
  sizes_arg="check"
  runs=1
else
  case "${1:-}" in -h|--help) usage ;; esac
  sizes_arg=${1:-1000000,10000000,50000000}
  runs=${2:-3}
  tools_arg=${3:-}
fi
all_tools="hand,duckdb,DirectRunner,FlinkRunner,SparkRunner"
IFS=, read -r -a asked <<< "${tools_arg:-$all_tools}"
IFS=, read -r -a sizes <<< "$sizes_arg"
# the hand loop runs first at each size: its cube is the one every other run is checked against
tools=()
for t in "${asked[@]}"; do
  case ",$all_tools," in *",$t,"*) ;; *) fail "unknown tool $t (one of $all_tools)" ;; esac
  [ "$t" = hand ] && tools=(hand "${tools[@]}") || tools+=("$t")
done
for n in "${sizes[@]}"; do
  [ -n "$check_dir" ] || [[ "$n" =~ ^[0-9]+$ ]] || fail "a size is a number of records, not $n"
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "RUNS is a number of runs, not $runs"
[ -x /usr/bin/time ] || fail "needs GNU time as /usr/bin/time (Debian: apt-get install time)"

jar=${THBSTAT_JAR:-pipeline/target/thbstat.jar}
bench_jar=bench/target/thbstat-bench.jar
data_root=${BENCH_DATA:-bench/data}
seed=${SEED:-1}
java_opts=${JAVA_OPTS:-}
thbstat_opts=${THBSTAT_OPTS:-}
gen_opts=${GEN_OPTS:-}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=${BENCH_OUT:-bench/out}/scale-$stamp
csv=$out.csv
md=$out.md
mkdir -p "$out"

# ---------------------------------------------------------------- build what is needed
if [ ! -f "$jar" ]; then
  echo "# building $jar: mvn -B -q -DskipTests package" >&2
  mvn -B -q -DskipTests package >&2 || fail "could not build $jar"
fi
if [ ! -f "$bench_jar" ] || [ -n "$(find bench/pom.xml bench/src -newer "$bench_jar" -print -quit)" ]; then
  echo "# building $bench_jar: mvn -B -q -f bench/pom.xml package" >&2
  mvn -B -q -f bench/pom.xml package >&2 || fail "could not build $bench_jar"
fi

# ---------------------------------------------------------------- the data
# One CSV file per Member State, written by thbstat generate; reused when a folder of the same
# records, seed and options is complete (its .generated names the command that wrote it).
data_for() {
  local n=$1 suffix="" dir cmd
  [ -z "$gen_opts" ] || suffix="-$(echo "$gen_opts" | tr -c 'A-Za-z0-9,-' '_' | sed 's/_*$//')"
  dir="$data_root/csv-$n-seed$seed$suffix"
  cmd="java -jar $jar generate --records $n --seed $seed --format csv --out $dir $gen_opts"
  if [ -f "$dir/.generated" ] && [ "$(cat "$dir/.generated")" = "$cmd" ]; then
    echo "# reusing $dir ($cmd)" >&2
  else
    rm -rf "$dir"
    echo "# generating: $cmd" >&2
    # shellcheck disable=SC2086
    $cmd > /dev/null || fail "could not generate $dir"
    echo "$cmd" > "$dir/.generated"
  fi
  echo "$dir"
}

# ---------------------------------------------------------------- one run
runner_args() {
  case $1 in
    FlinkRunner) echo "--flinkMaster=[local] --parallelism=2" ;;
    SparkRunner) echo "--sparkMaster=local[2]" ;;
    *) echo "" ;;
  esac
}

command_of() { # TOOL INPUT RUNDIR: the command line, as run and as reported
  case $1 in
    hand) echo "java $java_opts -jar $bench_jar hand --home . --input $2 --out $3/cells.csv" ;;
    duckdb) echo "java $java_opts -jar $bench_jar duckdb --home . --input $2 --out $3/cells.csv --threads 2" ;;
    *) echo "java $java_opts -jar $jar run --quiet --input $2 --output $3/release --runner $1 $(runner_args "$1") $thbstat_opts" ;;
  esac
}

reference=""   # the hand loop's cells at the current size
ref_counts=""  # and its counted, excluded and rejected records

# run TOOL INPUT SIZE RUN: one timed whole process; appends a row to the raw CSV
run() {
  local tool=$1 input=$2 size=$3 r=$4 dir cmd code summary
  dir="$out/$size/$tool-$r"
  rm -rf "$dir"
  mkdir -p "$dir"
  cmd=$(command_of "$tool" "$input" "$dir")
  set +e
  set -f  # no globbing of the words of the command ([local])
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$dir/time.txt" $cmd > "$dir/stdout.txt" 2> "$dir/stderr.txt"
  code=$?
  set -e +f
  # thbstat exits 1 when it finds errors in the data: a finished run; anything else stops the bench
  if { [ "$tool" = hand ] || [ "$tool" = duckdb ]; } && [ $code -ne 0 ] || [ $code -gt 1 ]; then
    tail -n 20 "$dir/stderr.txt" >&2
    fail "$tool run $r on $input failed with exit code $code: $cmd (see $dir/stderr.txt)"
  fi
  if [ "$tool" = hand ] || [ "$tool" = duckdb ]; then
    summary=$(grep -m1 'records_read=' "$dir/stdout.txt") || fail "$tool run $r printed no totals (see $dir/stdout.txt)"
  else
    summary=$(java -jar "$bench_jar" cells "$dir/release" "$dir/cells.csv" 2> "$dir/cells.txt") \
      || fail "could not read the cube of $tool run $r (see $dir/cells.txt)"
  fi
  local wall cpu rss read counted excluded rejected cells rate same
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$dir/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$dir/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$dir/time.txt")
  field() { echo "$summary" | tr ' ;' '\n\n' | sed -n "s/^$1=//p"; }
  read=$(field records_read); counted=$(field counted); excluded=$(field excluded); rejected=$(field rejected); cells=$(field cells)
  rate=$(awk -v r="$read" -v w="$wall" 'BEGIN {printf "%.0f", (w > 0 ? r / w : 0)}')
  if [ -z "$check_dir" ] && [ "$read" != "$size" ]; then
    fail "$tool run $r read $read records, not the $size generated (see $dir)"
  fi
  if [ -z "$reference" ]; then
    [ "$tool" = hand ] || fail "internal: no hand loop cube to compare with"
    reference="$dir/cells.csv"
    ref_counts="$counted,$excluded,$rejected"
    same="reference"
  else
    if ! java -jar "$bench_jar" compare "$reference" "$dir/cells.csv" --names hand,"$tool" > "$dir/compare.txt"; then
      cat "$dir/compare.txt" >&2
      fail "$tool run $r gives another cube than the hand loop at $size (see $dir/compare.txt)"
    fi
    [ "$counted,$excluded,$rejected" = "$ref_counts" ] \
      || fail "$tool run $r counted, excluded, rejected $counted, $excluded, $rejected records; the hand loop $ref_counts"
    same="same"
  fi
  echo "$size,$tool,$r,$wall,$cpu,$rss,$read,$rate,$counted,$excluded,$rejected,$code,$cells,$same" >> "$csv"
  printf '# %s, %s run %s: %s s wall, %s s CPU, %s records/s, peak RSS %s MB, %s cells (%s), exit %s\n' \
    "$([ -n "$check_dir" ] && echo "$check_dir" || echo "$size records")" "$tool" "$r" "$wall" "$cpu" "$rate" "$rss" "$cells" "$same" "$code" >&2
}

# ---------------------------------------------------------------- the benchmark
{
  echo "## bench/scale.sh ${*:-} ($stamp)"
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)," \
    "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); $(java -version 2>&1 | head -1)"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- thbstat: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$( [ -z "$(git status --porcelain 2>/dev/null)" ] || echo ' (with uncommitted changes)'); $(basename bench/target/lib/duckdb_jdbc-*.jar .jar)"
  echo "- JAVA_OPTS='$java_opts' THBSTAT_OPTS='$thbstat_opts' GEN_OPTS='$gen_opts' SEED=$seed; $runs run(s) per tool and size, interleaved"
  echo "- commands (INPUT: the generated folder, OUT: the run's folder under $out/SIZE/TOOL-RUN), each under /usr/bin/time -v:"
  for t in "${tools[@]}"; do
    echo "  - $t: \`$(command_of "$t" INPUT OUT | tr -s ' ')\`"
  done
} | tee "$md"

echo "records,tool,run,wall_s,cpu_s,peak_rss_mb,records_read,records_per_s,counted,excluded,rejected,exit,cells,cube" > "$csv"
for n in "${sizes[@]}"; do
  if [ -n "$check_dir" ]; then
    input=$check_dir
  else
    input=$(data_for "$n")
  fi
  reference=""
  if [[ " ${tools[*]} " != *" hand "* ]]; then
    run hand "$input" "$n" 0   # untimed in the tables: only the reference cube
    sed -i '$d' "$csv"
  fi
  for r in $(seq 1 "$runs"); do
    for t in "${tools[@]}"; do
      run "$t" "$input" "$n" "$r"
    done
  done
done

{
  echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  if [ -n "$check_dir" ]; then
    echo "| tool | wall | records read | counted | excluded | rejected | cells | exit |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    awk -F, 'NR > 1 {printf "| %s | %.2f s | %s | %s | %s | %s | %s | %s |\n", $2, $4, $7, $9, $10, $11, $13, $12}' "$csv"
  else
    java -jar "$bench_jar" report "$csv"
  fi
  echo
  echo "Every run's cube is the hand loop's: the same counted cells (unit NR, origin COUNTED of thbstat's cube.csv) with the same values, and the same records counted, excluded and rejected."
  echo "Raw results: $csv; runs: $out/"
} | tee -a "$md"
