#!/usr/bin/env bash
# What appending one kernel to a large result file costs (issue 22 §11): one small STREAM
# run into a copy of a MIB-MiB result file, against the same run into a new file, side by
# side in every round, alternating which goes first; the difference is the append's cost.
# Wall time and peak memory (ru_maxrss) of each; every round printed, then the best.
# With --reference BRAMBLE, that program does the same in the same rounds (a build of an
# older commit: how the append cost before).
#
#   benchmarks/compare/append_cost.sh [-m MIB] [-k ROUNDS] [--reference BRAMBLE]
#
# The large file is bramble's own test fixture: a good result file plus MIB MiB of data
# outside its runs (tests/cli/h5_fixture.cpp), as another tool might have added.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$root/benchmarks/compare/common.sh"
mib=320 rounds=3 reference=""
while [ $# -gt 0 ]; do
  case $1 in
    -m) mib=$2; shift 2 ;; -k) rounds=$2; shift 2 ;; --reference) reference=$2; shift 2 ;;
    *) echo "usage: $0 [-m MIB] [-k ROUNDS] [--reference BRAMBLE]"; exit 2 ;;
  esac
done
bramble_prepare
# The fixture is a test program: built in the test preset's tree (the release one has none).
"$root/scripts/setup.sh" ci >/dev/null
cmake --build "$root/build/ci" --target bramble_h5_fixture >/dev/null
fixture=$root/build/ci/tests/cli/bramble_h5_fixture
"$fixture" big "$work/base.h5" "$mib"
echo "append_cost: $(du -m "$work/base.h5" | cut -f1) MiB file on $(df --output=source,fstype "$work" | tail -n 1), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

# timed PROGRAM FILE: "SECONDS RSS_KB" of one run appending to FILE.
timed() {
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f %M -o "$work/rss" "$1" run stream --stream-n 100000 --power off --out "$2" >/dev/null 2>&1
  t1=$(date +%s.%N)
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}') $(cat "$work/rss")"
}
programs=("$bramble")
[ -z "$reference" ] || programs+=("$reference")
declare -A best_cost
for round in $(seq "$rounds"); do
  order=("${programs[@]}")
  [ $((round % 2)) = 0 ] && [ ${#order[@]} = 2 ] && order=("${order[1]}" "${order[0]}")
  for program in "${order[@]}"; do
    rm -f "$work/new.h5"
    cp "$work/base.h5" "$work/big.h5"
    sync
    read -r t_new rss_new < <(timed "$program" "$work/new.h5")
    read -r t_big rss_big < <(timed "$program" "$work/big.h5")
    cost=$(awk -v a="$t_big" -v b="$t_new" 'BEGIN {printf "%.3f", a - b}')
    name=$([ "$program" = "$bramble" ] && echo this || echo reference)
    echo "round $round, $name: new file ${t_new} s (${rss_new} KB), append to ${mib} MiB ${t_big} s (${rss_big} KB): append costs ${cost} s"
    prev=${best_cost[$name]:-}
    if [ -z "$prev" ] || awk -v a="$cost" -v b="$prev" 'BEGIN {exit !(a < b)}'; then best_cost[$name]=$cost; fi
  done
done
for name in "${!best_cost[@]}"; do echo "append_cost: best of $rounds, $name: ${best_cost[$name]} s"; done
