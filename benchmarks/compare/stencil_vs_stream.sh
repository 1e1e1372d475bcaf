#!/usr/bin/env bash
# The 2D 5-point stencil against the memory-bandwidth roofline, side by side on the same
# ranks: bramble's STREAM triad, the stencil's effective GB/s (STREAM accounting: 16 bytes
# per update) and MLUP/s, their ratio; the stencil's 1 -> N rank strong-scaling
# efficiency; and bramble's triad against Debian hpcc's StarSTREAM triad.
#
#   benchmarks/compare/stencil_vs_stream.sh [-r RANKS] [-k ROUNDS] [-n EDGE] [--no-hpcc]
#
# Defaults: 2 ranks, 3 rounds (best of each figure), a 8192 x 8192 grid (1 GiB for both
# arrays), 50 steps. The shared machine is noisy: rounds alternate the runs, and the table
# shows the best of each. hpcc runs all its tests each round (about a minute at N=8000).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ranks=2 rounds=3 edge=8192 hpcc=1
while [ $# -gt 0 ]; do
  case $1 in
    -r) ranks=$2; shift 2 ;; -k) rounds=$2; shift 2 ;; -n) edge=$2; shift 2 ;;
    --no-hpcc) hpcc=0; shift ;;
    *) echo "usage: $0 [-r RANKS] [-k ROUNDS] [-n EDGE] [--no-hpcc]"; exit 2 ;;
  esac
done
. "$root/benchmarks/compare/common.sh"
bramble_prepare

triad=0 gbs=0 mlups=0 mlups1=0
for _ in $(seq "$rounds"); do
  bramble_run "$ranks" "$work/stream.h5" stream
  bramble_run "$ranks" "$work/stencil.h5" stencil --n "$edge" --steps 50
  bramble_run 1 "$work/stencil1.h5" stencil --n "$edge" --steps 50
  t=$(bramble_figure "$work/stream.h5" triad_gbs)
  g=$(bramble_figure "$work/stencil.h5" gbs_effective)
  m=$(bramble_figure "$work/stencil.h5" mlups)
  m1=$(bramble_figure "$work/stencil1.h5" mlups)
  triad=$(best "$triad" "$t") gbs=$(best "$gbs" "$g") mlups=$(best "$mlups" "$m") mlups1=$(best "$mlups1" "$m1")
done
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $ranks ranks; best of $rounds rounds"
echo "stencil: 2D 5-point, ${edge}x${edge}, 50 steps, no non-temporal stores, packed-face halo exchange, overlap on"
# the result file keeps 6 significant digits; show the console's precision
printf '%-34s %10s\n' "STREAM triad (bramble)" "$(printf %.3f "$triad") GB/s"
printf '%-34s %10s\n' "stencil effective bandwidth" "$(printf %.2f "$gbs") GB/s"
printf '%-34s %10s\n' "stencil" "$(printf %.1f "$mlups") MLUP/s"
awk -v s="$gbs" -v t="$triad" 'BEGIN {printf "%-34s %9.3fx   (target >= 0.8)\n", "stencil / triad", s / t}'
awk -v a="$mlups" -v b="$mlups1" -v r="$ranks" 'BEGIN {
  printf "%-34s %9.1f%%   (%.1f MLUP/s on 1 rank)\n", "strong scaling 1 -> " r " ranks", 100 * a / (r * b), b }'

if [ "$hpcc" = 1 ]; then
  . "$root/benchmarks/compare/hpcc_input.sh"
  ensure_hpcc
  # hpcc sizes STREAM's arrays from the HPL problem's memory; N=8000 gives arrays of
  # about 8000^2/3 doubles per process, far beyond cache.
  hpcc_input 8000 192 1 "$ranks" > "$work/hpccinf.txt"
  star=0
  for _ in $(seq "$rounds"); do  # alternate hpcc and bramble, best of each
    (cd "$work" && rm -f hpccoutf.txt && mpirun -np "$ranks" hpcc > hpcc.log 2>&1)
    star=$(best "$star" "$(awk -F= '/^StarSTREAM_Triad=/ {print $2}' "$work/hpccoutf.txt")")
    bramble_run "$ranks" "$work/stream.h5" stream
    t=$(bramble_figure "$work/stream.h5" triad_gbs)
    triad=$(best "$triad" "$t")
  done
  awk -v s="$star" -v r="$ranks" -v b="$triad" 'BEGIN {
    printf "%-34s %10.2f GB/s (%.2f per process x %d)\n", "hpcc StarSTREAM triad", s * r, s, r
    printf "%-34s %9.3fx\n", "bramble triad / hpcc StarSTREAM", b / (s * r) }'
fi
