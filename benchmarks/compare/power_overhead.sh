#!/usr/bin/env bash
# What the power sampler costs the kernels: HPL and the 2D stencil with sampling at 10 Hz
# against no sampler thread at all (--power off), side by side, alternating, best of each;
# then the cost of one sample measured directly (bramble_micro_power), which gives the
# sampler's share of a core without whole-kernel noise. Target: under 1% slowdown.
#
#   benchmarks/compare/power_overhead.sh [-r RANKS] [-k ROUNDS] [-n HPL_N] [-e STENCIL_EDGE]
#
# The 10 Hz source is a RAPL package counter in a fake powercap tree (this VM has no RAPL):
# the same file reads as a real one, plus this machine's real telemetry files.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ranks=2 rounds=5 n=8000 edge=4096
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
hpl_off=0 hpl_on=0 st_off=0 st_on=0
for _ in $(seq "$rounds"); do
  hpl_off=$(best "$hpl_off" "$(mpirun -np "$ranks" "$bramble" run hpl --n "$n" "${off[@]}" --out "$work/r.h5" | head -1 | field Gflop/s)")
  hpl_on=$(best "$hpl_on" "$(mpirun -np "$ranks" "$bramble" run hpl --n "$n" "${on[@]}" --out "$work/r.h5" 2>/dev/null | head -1 | field Gflop/s)")
  st_off=$(best "$st_off" "$(mpirun -np "$ranks" "$bramble" run stencil --n "$edge" --steps 100 "${off[@]}" --out "$work/r.h5" | head -1 | field MLUP/s)")
  st_on=$(best "$st_on" "$(mpirun -np "$ranks" "$bramble" run stencil --n "$edge" --steps 100 "${on[@]}" --out "$work/r.h5" 2>/dev/null | head -1 | field MLUP/s)")
done
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $ranks ranks; best of $rounds alternating rounds"
printf '%-30s %14s %14s %10s\n' "kernel" "no sampler" "10 Hz" "slowdown"
awk -v a="$hpl_off" -v b="$hpl_on" -v n="$n" 'BEGIN {printf "%-30s %9.2f Gflop/s %7.2f Gflop/s %9.2f%%\n", "hpl N=" n, a, b, 100 * (1 - b / a)}'
awk -v a="$st_off" -v b="$st_on" -v e="$edge" 'BEGIN {printf "%-30s %9.1f MLUP/s %8.1f MLUP/s %9.2f%%\n", "stencil 2D " e "^2, 100 steps", a, b, 100 * (1 - b / a)}'

# One sample's cost, and so the sampler's share of one core at 10 Hz.
"$root/build/release/bramble_micro_power" --benchmark_format=csv 2>/dev/null |
  awk -F, '/^"BM_/ {gsub(/"/, "", $1); ns = $3; if ($5 == "us") ns *= 1e3; if ($5 == "ms") ns *= 1e6;
    printf "%-30s %10.1f us per sample = %.4f%% of a core at 10 Hz\n", $1, ns / 1e3, ns * 10 / 1e9 * 100}'
echo "(target: under 1%; the kernel rows are best-of-$rounds on a shared machine, the sample cost is the steadier figure)"
