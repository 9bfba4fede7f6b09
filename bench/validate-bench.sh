#!/usr/bin/env bash
# Benchmark (not a test): wall time of `thbstat validate` on one national submission of about
# 5 000 cells, JVM start included, several runs, with and without --report; with the CPU time of
# each run (user + sys, all threads) and the main-thread CPU time of each phase, which other
# processes on the machine do not inflate.
# usage: bench/validate-bench.sh [runs]   (from anywhere)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
jar="$root/pipeline/target/thbstat.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -DskipTests package)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
file="$work/NL_mensenhandel_bench.csv"
python3 "$root/bench/gen_submission.py" "$file"
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() {
  local label="$1"; shift
  local walls=() cpus=()
  for i in $(seq 1 "$runs"); do
    local start end rc
    start=$(date +%s%N)
    set +e
    # shellcheck disable=SC2086
    /usr/bin/time -f "%U %S" -o "$work/time.txt" java ${JVM_OPTS:-} -jar "$jar" validate --home "$root" --country NL "$@" "$file" > "$work/out.txt" 2>&1
    rc=$?
    set -e
    end=$(date +%s%N)
    if [ "$rc" -gt 1 ]; then
      echo "validate could not run (exit $rc):"; cat "$work/out.txt"; exit 2
    fi
    walls+=("$(( (end - start) / 1000000 ))")
    cpus+=("$(awk '{printf "%d", ($1 + $2) * 1000}' "$work/time.txt")")
  done
  echo "$label: wall (ms) ${walls[*]} -> median $(printf '%s\n' "${walls[@]}" | median); CPU user+sys (ms) ${cpus[*]} -> median $(printf '%s\n' "${cpus[@]}" | median)"
}

measure "validate"
grep -E '^NL: ' "$work/out.txt" || true
measure "validate --report" --report "$work/report"
JVM_OPTS="-XX:TieredStopAtLevel=1" measure "validate, java -XX:TieredStopAtLevel=1 (C1 JIT only)"
echo "main-thread CPU by phase (round 0 = one validate run, cold):"
java -cp "$jar:$root/pipeline/target/lib/*" "$root/bench/PhaseTimes.java" "$root" "$file"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
