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
# shows the best of each.
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
"$root/scripts/setup.sh" release >/dev/null
. "$root/scripts/env.sh"
bramble="$root/build/release/bramble"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

best() { awk -v a="$1" -v b="$2" 'BEGIN {print (b > a ? b : a)}'; }
field() {  # the number before a unit word in bramble's one-line report
  awk -v unit="$1" '{for (i = 2; i <= NF; ++i) if ($i == unit || $i == unit ",") {print $(i-1); exit}}'
}
triad=0 gbs=0 mlups=0 mlups1=0
for _ in $(seq "$rounds"); do
  t=$(mpirun -np "$ranks" "$bramble" run stream --out "$work/r.h5" | awk '/^Triad:/ {print $2}')
  line=$(mpirun -np "$ranks" "$bramble" run stencil --n "$edge" --steps 50 --out "$work/r.h5" | head -1)
  one=$(mpirun -np 1 "$bramble" run stencil --n "$edge" --steps 50 --out "$work/r.h5" | head -1)
  triad=$(best "$triad" "$t")
  gbs=$(best "$gbs" "$(echo "$line" | field GB/s)")
  mlups=$(best "$mlups" "$(echo "$line" | field MLUP/s)")
  mlups1=$(best "$mlups1" "$(echo "$one" | field MLUP/s)")
done
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $ranks ranks; best of $rounds rounds"
echo "stencil: 2D 5-point, ${edge}x${edge}, 50 steps, no non-temporal stores, packed-face halo exchange, overlap on"
printf '%-34s %10s\n' "STREAM triad (bramble)" "$triad GB/s"
printf '%-34s %10s\n' "stencil effective bandwidth" "$gbs GB/s"
printf '%-34s %10s\n' "stencil" "$mlups MLUP/s"
awk -v s="$gbs" -v t="$triad" 'BEGIN {printf "%-34s %9.3fx   (target >= 0.8)\n", "stencil / triad", s / t}'
awk -v a="$mlups" -v b="$mlups1" -v r="$ranks" 'BEGIN {
  printf "%-34s %9.1f%%   (%s MLUP/s on 1 rank)\n", "strong scaling 1 -> " r " ranks", 100 * a / (r * b), b }'

if [ "$hpcc" = 1 ]; then
  command -v hpcc >/dev/null || { sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo;
    $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q hpcc; }
  # hpcc sizes STREAM's arrays from the HPL problem's memory; N=8000 gives arrays of
  # about 8000^2/3 doubles per process, far beyond cache.
  cat > "$work/hpccinf.txt" <<DAT
HPLinpack benchmark input file
written by bramble's stencil_vs_stream.sh
HPL.out      output file name (if any)
6            device out (6=stdout,7=stderr,file)
1            # of problems sizes (N)
8000         Ns
1            # of NBs
192          NBs
0            PMAP process mapping (0=Row-,1=Column-major)
1            # of process grids (P x Q)
1            Ps
$ranks       Qs
16.0         threshold
1            # of panel fact
2            PFACTs (0=left, 1=Crout, 2=Right)
1            # of recursive stopping criterium
4            NBMINs (>= 1)
1            # of panels in recursion
2            NDIVs
1            # of recursive panel fact.
1            RFACTs (0=left, 1=Crout, 2=Right)
1            # of broadcast
1            BCASTs (0=1rg,1=1rM,2=2rg,3=2rM,4=Lng,5=LnM)
1            # of lookahead depth
1            DEPTHs (>=0)
2            SWAP (0=bin-exch,1=long,2=mix)
64           swapping threshold
0            L1 in (0=transposed,1=no-transposed) form
0            U  in (0=transposed,1=no-transposed) form
1            Equilibration (0=no,1=yes)
8            memory alignment in double (> 0)
##### This line (no. 32) is ignored (it serves as a separator). ######
0                               Number of additional problem sizes for PTRANS
1200 10000 30000                values of N
0                               number of additional blocking sizes for PTRANS
40 9 8 13 13 20 16 32 64        values of NB
DAT
  (cd "$work" && mpirun -np "$ranks" hpcc > hpcc.log 2>&1)
  star=$(awk -F= '/^StarSTREAM_Triad=/ {print $2}' "$work/hpccoutf.txt")
  t=$(mpirun -np "$ranks" "$bramble" run stream --out "$work/r.h5" | awk '/^Triad:/ {print $2}')
  triad=$(best "$triad" "$t")
  awk -v s="$star" -v r="$ranks" -v b="$triad" 'BEGIN {
    printf "%-34s %10.2f GB/s (%.2f per process x %d)\n", "hpcc StarSTREAM triad", s * r, s, r
    printf "%-34s %9.3fx\n", "bramble triad / hpcc StarSTREAM", b / (s * r) }'
fi
