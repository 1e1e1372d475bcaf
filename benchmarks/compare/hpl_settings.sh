#!/usr/bin/env bash
# bramble's HPL under several settings, side by side: the rounds alternate the settings so
# that a noisy machine slows them alike; every round is printed, then the best of each and
# its ratio to the first setting (the reference).
#
#   benchmarks/compare/hpl_settings.sh [--testbed RATE] [-r RANKS] [-p P -q Q] [-b NB] [-k ROUNDS]
#                                      -n N -- "SETTINGS" "SETTINGS" ...
#   e.g. benchmarks/compare/hpl_settings.sh --testbed 1gbit -k 3 -n 10000 -- \
#          "--depth 1" "--depth 2" "--depth 0" "--bcast ibcast" "--update-chunk 768"
#
# --testbed RATE: across a namespace testbed of RANKS nodes, one rank each, links shaped to
# RATE ("unshaped" for none). The time split (panel_broadcast = waiting for panels) of the
# best round of each setting is printed for rank 0 and rank 1.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ranks=2 p=1 q=2 nb=192 rounds=3 n=10000 testbed=""
usage="usage: $0 [--testbed RATE] [-r RANKS] [-p P -q Q] [-b NB] [-k ROUNDS] -n N -- \"SETTINGS\" ..."
if [ "${1:-}" = --testbed ]; then
  [ $# -ge 2 ] || { echo "$usage"; exit 2; }
  testbed=$2
  shift 2
fi
while getopts "r:p:q:b:k:n:" opt; do
  case $opt in
    r) ranks=$OPTARG ;; p) p=$OPTARG ;; q) q=$OPTARG ;; b) nb=$OPTARG ;; k) rounds=$OPTARG ;; n) n=$OPTARG ;;
    *) echo "$usage"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "$usage"; exit 2; }
settings=("$@")

. "$root/benchmarks/compare/common.sh"
bramble_prepare
bramble_quiet=1  # stderr (power and BLAS notes) only when a run fails
[ -z "$testbed" ] || use_testbed "$ranks" "$testbed"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores;" \
     "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}; N=$n NB=$nb ${p}x${q} on $ranks ranks" \
     "${testbed:+across $ranks testbed nodes, links $testbed}"

declare -a best_g
for i in "${!settings[@]}"; do best_g[i]=0; done
for r in $(seq "$rounds"); do
  for i in "${!settings[@]}"; do
    # shellcheck disable=SC2086  # a setting is a list of options
    bramble_run "$ranks" "$work/s$i-r$r.h5" hpl --n "$n" --nb "$nb" --p "$p" --q "$q" ${settings[i]}
    g=$(bramble_figure "$work/s$i-r$r.h5" gflops_best)
    printf 'round %d  %-28s %8.2f Gflop/s\n' "$r" "${settings[i]}" "$g"
    if awk -v a="$g" -v b="${best_g[i]}" 'BEGIN {exit !(a > b)}'; then
      best_g[i]=$g
      cp "$work/s$i-r$r.h5" "$work/best$i.h5"
    fi
  done
done
echo "best of $rounds round(s), ratio to \"${settings[0]}\"; seconds waiting for panels / updating per rank:"
for i in "${!settings[@]}"; do
  split=$("$bramble" show "$work/best$i.h5" |
          awk '/^      [0-9]+ +[0-9.]+ +[0-9.]+/ {printf " r%s %s/%s", $1, $3, $5}')
  awk -v s="${settings[i]}" -v g="${best_g[i]}" -v ref="${best_g[0]}" -v sp="$split" \
      'BEGIN {printf "%-28s %8.2f Gflop/s %6.3fx %s\n", s, g, g / ref, sp}'
done
