#!/usr/bin/env bash
# The three render schedules side by side on the sphere-flake scene: Msamples/s on 1 rank
# and on RANKS ranks, the speedup, and the load balance (mean / max busy time over ranks).
#
#   benchmarks/compare/render_schedules.sh [-r RANKS] [-k ROUNDS] [-s SPP] [-w WIDTH -h HEIGHT]
#
# Defaults: 2 ranks, 2 rounds (best of each), 800 x 600, 4 samples per pixel, tiles of 32.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ranks=2 rounds=2 spp=4 width=800 height=600
while getopts "r:k:s:w:h:" opt; do
  case $opt in
    r) ranks=$OPTARG ;; k) rounds=$OPTARG ;; s) spp=$OPTARG ;; w) width=$OPTARG ;; h) height=$OPTARG ;;
    *) echo "usage: $0 [-r RANKS] [-k ROUNDS] [-s SPP] [-w WIDTH -h HEIGHT]"; exit 2 ;;
  esac
done
. "$root/benchmarks/compare/common.sh"
bramble_prepare

run() {  # ranks schedule: one render into $work/r.h5 (a fresh file)
  bramble_run "$1" "$work/r.h5" render --schedule "$2" --spp "$spp" --width "$width" --height "$height"
}

one=0
declare -A rate bal
for s in static cyclic dynamic; do rate[$s]=0; bal[$s]=0; done
for _ in $(seq "$rounds"); do
  run 1 dynamic
  r=$(bramble_figure "$work/r.h5" msamples_per_s)
  one=$(best "$one" "$r")
  for s in static cyclic dynamic; do
    run "$ranks" "$s"
    r=$(bramble_figure "$work/r.h5" msamples_per_s)
    l=$(bramble_figure "$work/r.h5" load_balance)
    rate[$s]=$(best "${rate[$s]}" "$r")
    bal[$s]=$(best "${bal[$s]}" "$l")
  done
done
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; best of $rounds rounds"
echo "scene: built-in sphereflake (820 spheres + ground, 3 lights), ${width}x${height}, spp=$spp, tiles 32, BVH on"
printf '%-9s %14s %14s %9s %13s\n' schedule "1 rank Ms/s" "$ranks ranks Ms/s" speedup "load balance"
for s in static cyclic dynamic; do
  awk -v s="$s" -v a="$one" -v b="${rate[$s]}" -v l="${bal[$s]}" \
    'BEGIN {printf "%-9s %14.3f %14.3f %8.2fx %13.3f\n", s, a, b, b / a, l}'
done
