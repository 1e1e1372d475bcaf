#!/usr/bin/env bash
# The stencil across two testbed nodes: does overlapping the halo exchange hide a slow link?
# Four runs alternate each round: unshaped and shaped links, each with and without
# overlap. Every round is printed, then the best of each and the shaped/unshaped ratios.
#
#   benchmarks/compare/stencil_over_link.sh [--rate RATE] [-k ROUNDS] [-n EDGE] [-R RADIUS] [-s STEPS]
#
# Defaults: RATE 1gbit, 3 rounds, 3D 512^3 radius 2, 20 steps; one rank per node, split
# along one axis, so each step sends one 2 x 512 x 512 face (4 MiB) each way.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rate=1gbit rounds=3 edge=512 radius=2 steps=20
if [ "${1:-}" = --rate ]; then rate=$2; shift 2; fi
while getopts "k:n:R:s:" opt; do
  case $opt in
    k) rounds=$OPTARG ;; n) edge=$OPTARG ;; R) radius=$OPTARG ;; s) steps=$OPTARG ;;
    *) echo "usage: $0 [--rate RATE] [-k ROUNDS] [-n EDGE] [-R RADIUS] [-s STEPS]"; exit 2 ;;
  esac
done

. "$root/benchmarks/compare/common.sh"
bramble_prepare
bramble_quiet=1  # stderr (power and BLAS notes) only when a run fails
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores;" \
     "stencil 3D ${edge}^3 r=$radius, $steps steps, 2 testbed nodes, one rank each"
runs=("unshaped overlap" "unshaped no-overlap" "$rate overlap" "$rate no-overlap")
declare -A best
for r in $(seq "$rounds"); do
  for run in "${runs[@]}"; do
    link=${run% *} mode=${run#* }
    use_testbed 2 "$link"
    flag=""
    [ "$mode" = no-overlap ] && flag=--no-overlap
    # shellcheck disable=SC2086
    bramble_run 2 "$work/st.h5" stencil --dims 3 --n "$edge" --radius "$radius" --steps "$steps" $flag
    m=$(bramble_figure "$work/st.h5" mlups)
    printf 'round %d  %-24s %10.1f MLUP/s\n' "$r" "$run" "$m"
    best[$run]=$(best "${best[$run]:-0}" "$m")
  done
done
echo "best of $rounds round(s):"
for run in "${runs[@]}"; do printf '  %-24s %10.1f MLUP/s\n' "$run" "${best[$run]}"; done
awk -v so="${best[$rate overlap]}" -v sn="${best[$rate no-overlap]}" -v uo="${best[unshaped overlap]}" \
    -v un="${best[unshaped no-overlap]}" -v rate="$rate" 'BEGIN {
  printf "%s / unshaped, overlap: %.3f   without overlap: %.3f   (target >= 0.9 with overlap)\n", rate, so / uo, sn / un
  printf "overlap gain at %s: %.3fx; unshaped: %.3fx\n", rate, so / sn, uo / un }'
