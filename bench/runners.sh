#!/usr/bin/env bash
# Runs `thbstat run` over one input folder on each runner, several times, and records per run the
# whole-process wall time, records read per second and peak resident memory (GNU time -v), and
# whether every run wrote the same cube. Not part of the test suite. See bench/README.md.
#
#   bench/runners.sh INPUT_DIR [RUNS] [RUNNER...]
#
#   INPUT_DIR  folder of submissions (sample-inputs/, or generated microdata)
#   RUNS       runs per runner (default 3; the summary gives the median)
#   RUNNER     DirectRunner, FlinkRunner, SparkRunner (default: all three)
# Environment:
#   THBSTAT_JAR   the runnable jar (default pipeline/target/thbstat.jar; build it first with
#                 mvn -B -q -DskipTests package)
#   JAVA_OPTS     JVM options for every run (e.g. -Xmx4g)
#   BENCH_OUT     folder for the raw results and the releases (default bench/out)
# Flink runs embedded ([local]) with parallelism 2, Spark with local[2], the DirectRunner with
# thbstat's defaults: the setup of the benchmark in issue 7.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
input=$1
runs=${2:-3}
shift $(( $# >= 2 ? 2 : 1 ))
runners=("$@")
[ ${#runners[@]} -gt 0 ] || runners=(DirectRunner FlinkRunner SparkRunner)
jar=${THBSTAT_JAR:-pipeline/target/thbstat.jar}
out=${BENCH_OUT:-bench/out}
[ -d "$input" ] || { echo "bench: no input folder $input" >&2; exit 2; }
[ -f "$jar" ] || { echo "bench: no $jar; build it with: mvn -B -q -DskipTests package" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time as /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

runner_args() {
  case $1 in
    FlinkRunner) echo "--flinkMaster=[local] --parallelism=2" ;;
    SparkRunner) echo "--sparkMaster=local[2]" ;;
    *) echo "" ;;
  esac
}

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
csv="$out/runners-$stamp.csv"
echo "runner,run,wall_s,cpu_s,records_read,records_per_s,peak_rss_mb,exit,cube_csv_sha256,cube_parquet_sha256" > "$csv"

echo "# bench/runners.sh $input $runs ${runners[*]}"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)," \
  "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); $(java -version 2>&1 | head -1)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
trap 'echo "# load average at end: $(cut -d" " -f1-3 /proc/loadavg)"' EXIT

for runner in "${runners[@]}"; do
  for run in $(seq 1 "$runs"); do
    release="$out/release-$runner-$run"
    rm -rf "$release"
    timing="$out/time-$runner-$run.txt"
        set +e
    # shellcheck disable=SC2046,SC2086
    /usr/bin/time -v -o "$timing" java ${JAVA_OPTS:-} -jar "$jar" run --quiet --input "$input" --output "$release" \
      --runner "$runner" $(runner_args "$runner") > "$out/stdout-$runner-$run.txt" 2> "$out/stderr-$runner-$run.txt"
    code=$?
    set -e
    # thbstat exits 1 when it finds errors in the data (the real UK file has some): a finished run
    if [ $code -gt 1 ]; then
      echo "bench: $runner run $run failed with exit code $code; see $out/stderr-$runner-$run.txt" >&2
      exit 1
    fi
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$timing")
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$timing")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$timing")
    records=$(grep -m1 '"records_read"' "$release/manifest.json" | tr -dc '0-9')
    rate=$(awk -v r="$records" -v w="$wall" 'BEGIN {printf "%.0f", (w > 0 ? r / w : 0)}')
    csv_sha=$(sha256sum "$release/cube.csv" | cut -c1-64)
    parquet_sha=$(sha256sum "$release/cube.parquet" | cut -c1-64)
    echo "$runner,$run,$wall,$cpu,$records,$rate,$rss,$code,$csv_sha,$parquet_sha" >> "$csv"
    echo "# $runner run $run: $wall s wall, $cpu s CPU, $records records, $rate records/s, peak RSS $rss MB" >&2
  done
done

echo
echo "| runner | runs | wall time, median (min-max) | CPU time (user+sys), median | records read | records/s, median | peak RSS, median |"
echo "|---|---|---|---|---|---|---|"
for runner in "${runners[@]}"; do
  awk -F, -v r="$runner" '
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
      return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
    }
    $1 == r { n++; w[n] = $3; c[n] = $4; p[n] = $6; m[n] = $7; rec = $5; if (n == 1 || $3 < lo) lo = $3; if (n == 1 || $3 > hi) hi = $3 }
    END { if (n) printf "| %s | %d | %.2f s (%.2f-%.2f) | %.2f s | %d | %.0f | %.0f MB |\n", r, n, median(w, n), lo, hi, median(c, n), rec, median(p, n), median(m, n) }
  ' "$csv"
done
cubes=$(tail -n +2 "$csv" | cut -d, -f9,10 | sort -u | wc -l)
echo
if [ "$cubes" -eq 1 ]; then
  echo "Every run wrote the same cube (cube.csv and cube.parquet byte-identical)."
else
  echo "THE CUBES DIFFER: $cubes different (cube.csv, cube.parquet) pairs; see $csv"
fi
echo "Raw results: $csv"
[ "$cubes" -eq 1 ]
