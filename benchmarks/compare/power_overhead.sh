#!/usr/bin/env bash
# What the power sampler costs the kernels: HPL and the 2D stencil with sampling at 10 Hz
# against no sampler thread at all (--power off), side by side in every round, alternating
# which goes first; best, median and the median of the per-round slowdowns;
# then the cost of one sample measured directly (bramble_micro_power), which gives the
# sampler's share of a core without whole-kernel noise. Target: under 1% slowdown.
#
#   benchmarks/compare/power_overhead.sh [-r RANKS] [-k ROUNDS] [-n HPL_N] [-e STENCIL_EDGE]
#
# The 10 Hz source is a RAPL package counter in a fake powercap tree (this VM has no RAPL):
# the same file reads as a real one, plus this machine's real telemetry files.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ranks=2 rounds=7 n=8000 edge=4096
while [ $# -gt 0 ]; do
  case $1 in
    -r) ranks=$2; shift 2 ;; -k) rounds=$2; shift 2 ;; -n) n=$2; shift 2 ;; -e) edge=$2; shift 2 ;;
    *) echo "usage: $0 [-r RANKS] [-k ROUNDS] [-n HPL_N] [-e STENCIL_EDGE]"; exit 2 ;;
  esac
done
. "$root/benchmarks/compare/common.sh"
bramble_prepare

# The fake tree: one RAPL package; /proc and the rest of /sys are the real ones.
fake="$work/root"
mkdir -p "$fake/sys/class/powercap/intel-rapl:0" "$fake/sys/class"
echo package-0 > "$fake/sys/class/powercap/intel-rapl:0/name"
echo 123456789 > "$fake/sys/class/powercap/intel-rapl:0/energy_uj"
echo 65532610987 > "$fake/sys/class/powercap/intel-rapl:0/max_energy_range_uj"
ln -s /proc "$fake/proc"
ln -s /sys/devices "$fake/sys/devices"
[ -d /sys/class/thermal ] && ln -s /sys/class/thermal "$fake/sys/class/thermal"
[ -d /sys/class/hwmon ] && ln -s /sys/class/hwmon "$fake/sys/class/hwmon"

off=(--power off)
on=(--power rapl --power-root "$fake" --power-interval 0.1 --idle-seconds 0)
: > "$work/hpl.txt"; : > "$work/stencil.txt"
# Each prints its run's figure (Gflop/s, MLUP/s), read back from a fresh result file; the
# && chains carry a failed run or a verdict other than PASSED out to set -e. bramble's
# stderr shows only when a run fails.
bramble_quiet=1
hpl() { bramble_run "$ranks" "$work/r.h5" hpl --n "$n" "$@" && bramble_figure "$work/r.h5" gflops_best; }
stencil() { bramble_run "$ranks" "$work/r.h5" stencil --n "$edge" --steps 200 "$@" && bramble_figure "$work/r.h5" mlups; }
for round in $(seq "$rounds"); do  # each round runs the pair side by side; who goes first alternates
  if [ $((round % 2)) = 1 ]; then
    a=$(hpl "${off[@]}"); b=$(hpl "${on[@]}"); c=$(stencil "${off[@]}"); d=$(stencil "${on[@]}")
  else
    b=$(hpl "${on[@]}"); a=$(hpl "${off[@]}"); d=$(stencil "${on[@]}"); c=$(stencil "${off[@]}")
  fi
  echo "$a $b" >> "$work/hpl.txt"
  echo "$c $d" >> "$work/stencil.txt"
done
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $ranks ranks; $rounds rounds, each running the pair side by side"
printf '%-28s %12s %12s %10s %12s %12s %10s %14s\n' "kernel" "best off" "best 10 Hz" "slowdown" "median off" "median 10Hz" "slowdown" "median of pairs"
# best and median of each column, and the median of the per-round slowdowns
summarise() {
  sort -n -k1 "$2" | awk '{print $1}' > "$work/a"; sort -n -k2 "$2" | awk '{print $2}' > "$work/b"
  awk '{print 100 * (1 - $2 / $1)}' "$2" | sort -n > "$work/p"
  med() { awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}' "$1"; }
  awk -v k="$1" -v ba="$(tail -1 "$work/a")" -v bb="$(tail -1 "$work/b")" -v ma="$(med "$work/a")" \
      -v mb="$(med "$work/b")" -v mp="$(med "$work/p")" 'BEGIN {
    printf "%-28s %12.1f %12.1f %9.2f%% %12.1f %12.1f %9.2f%% %13.2f%%\n", k, ba, bb, 100 * (1 - bb / ba), ma, mb, 100 * (1 - mb / ma), mp }'
}
summarise "hpl N=$n (Gflop/s)" "$work/hpl.txt"
summarise "stencil ${edge}^2 (MLUP/s)" "$work/stencil.txt"

# One sample's cost, and so the sampler's share of one core at 10 Hz.
"$root/build/release/bramble_micro_power" --benchmark_format=csv 2>/dev/null |
  awk -F, '/^"BM_/ {gsub(/"/, "", $1); ns = $3; if ($5 == "us") ns *= 1e3; if ($5 == "ms") ns *= 1e6;
    printf "%-30s %10.1f us per sample = %.4f%% of a core at 10 Hz\n", $1, ns / 1e3, ns * 10 / 1e9 * 100}'
echo "(target: under 1%; on a shared machine single runs swing by +-10%, so the kernel rows bound the cost only"
echo " roughly; the cost per sample is the steadier figure)"
