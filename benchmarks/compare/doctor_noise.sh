#!/usr/bin/env bash
# How much does a busy machine move the doctor's link figures? Runs `bramble doctor` K times
# across a namespace testbed of 4 equal nodes (or with one node's link shaped), optionally
# with a CPU hog on every core beside it, and prints for every run each node's link figure
# against the median of the others: the worst ratio is what a busy moment does, and the
# doctor's margins (diagnosis.hpp) must stay above it. Every run is printed.
#
#   benchmarks/compare/doctor_noise.sh [-k RUNS] [--hog] [--slow NODE=RATE] [--quick] [-o DIR]
#
# -o DIR keeps each run's result file there (doctor-<run>.h5: the pair matrices, for tests
# on recorded figures). BRAMBLE overrides the executable (default: the release build).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=5 hog=0 shape=() quick=() keep=""
while [ $# -gt 0 ]; do
  case $1 in
    -k) runs=$2; shift 2 ;;
    --hog) hog=1; shift ;;
    --slow) shape=("$2"); shift 2 ;;
    --quick) quick=(--quick); shift ;;
    -o) keep=$2; mkdir -p "$keep"; shift 2 ;;
    *) echo "usage: $0 [-k RUNS] [--hog] [--slow NODE=RATE] [--quick] [-o DIR]"; exit 2 ;;
  esac
done
. "$root/benchmarks/compare/common.sh"
if [ -n "${BRAMBLE:-}" ]; then
  . "$root/scripts/env.sh"
  bramble=$BRAMBLE work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
else
  bramble_prepare
fi
"$root/scripts/testbed/testbed.sh" ensure 4 "${shape[@]}" >/dev/null
hog_pids=()
stop_hog() { [ ${#hog_pids[@]} -eq 0 ] || kill "${hog_pids[@]}" 2>/dev/null || true; }
trap 'stop_hog; rm -rf "$work"' EXIT
if [ $hog = 1 ]; then
  for _ in $(seq "$(nproc)"); do sh -c 'while :; do :; done' & hog_pids+=($!); done
fi
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; 4 testbed nodes" \
     "${shape[*]:-unshaped}; CPU hog: $([ $hog = 1 ] && echo "on every core" || echo off); doctor ${quick[*]}"
# ratio VALUES... : for each node, its figure against the median of the others' (link: the
# others' median over the node's figure; latency: the node's over the others'); the worst.
worst() {
  awk -v mode="$1" 'function med(a, n,  i, j, t) { for (i = 1; i <= n; ++i) for (j = i + 1; j <= n; ++j) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                       return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    { v[NR] = $1 } END { w = 0; for (i = 1; i <= NR; ++i) { n = 0; for (j = 1; j <= NR; ++j) if (j != i) o[++n] = v[j]
        m = med(o, n); r = mode == "link" ? m / v[i] : v[i] / m; if (r > w) { w = r; at = i - 1 } }
      printf "%.2fx (node %d)", w, at }'
}
for r in $(seq "$runs"); do
  file=${keep:-$work}/doctor-$r.h5
  rm -f "$file"
  log=$("$root/scripts/testbed/mpirun.sh" -n 4 --map-by node "$bramble" doctor "${quick[@]}" --out "$file" 2>&1) ||
    { echo "$log"; echo "doctor_noise: run $r failed"; exit 1; }
  links=() lat=() p50=()
  for i in 0 1 2 3; do
    links+=("$(bramble_figure "$file" "node${i}_link_mbs")")
    lat+=("$(bramble_figure "$file" "node${i}_latency_best_us")")
    p50+=("$(bramble_figure "$file" "node${i}_latency_us")")
  done
  again=$(grep -c 'again, to be sure' <<<"$log" || true)
  flagged=$(grep -E '^bramble: doctor: ' <<<"$log" | grep -v 'no findings$' | sed -E 's/^bramble: doctor: ([^:]+):.*/\1/' | sort -u | paste -sd, - || true)
  printf 'run %d  link MB/s %s worst %s  latency best us %s worst %s  (P50 %s worst %s)  re-measured %s  named: %s\n' \
    "$r" "$(printf '%.0f ' "${links[@]}")" "$(printf '%s\n' "${links[@]}" | worst link)" \
    "$(printf '%.1f ' "${lat[@]}")" "$(printf '%s\n' "${lat[@]}" | worst latency)" \
    "$(printf '%.0f ' "${p50[@]}")" "$(printf '%s\n' "${p50[@]}" | worst latency)" "$again" "${flagged:-none}"
done
