#!/usr/bin/env bash
# bramble's HPL against the reference HPL in Debian's hpcc, same N, NB and P x Q, run one
# after the other on the same ranks, with the DGEMM limit measured in the same script.
#
#   benchmarks/compare/hpl_vs_hpcc.sh [-r RANKS] [-p P -q Q] [-b "NB ..."] [-k ROUNDS] [N ...]
#
# Defaults: 2 ranks as 1 x 2, N = 4000 10000, NB = 192, 1 round. Each round runs hpcc and
# then bramble; with -k K the table shows the best of K rounds for each, which tames a
# noisy shared machine. With several NBs (-b "128 192 256") each NB gets a row. The DGEMM limit
# is hpcc's StarDGEMM (every rank multiplying at once) times the rank count: the ceiling
# any HPL can reach here. Judge by ratios: this machine is shared and noisy.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ranks=2 p=1 q=2 nbs="192" rounds=1
while getopts "r:p:q:b:k:" opt; do
  case $opt in
    r) ranks=$OPTARG ;; p) p=$OPTARG ;; q) q=$OPTARG ;; b) nbs=$OPTARG ;; k) rounds=$OPTARG ;;
    *) echo "usage: $0 [-r RANKS] [-p P -q Q] [-b \"NB ...\"] [N ...]"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
ns=${*:-"4000 10000"}

. "$root/benchmarks/compare/hpcc_input.sh"
ensure_hpcc
. "$root/benchmarks/compare/common.sh"
bramble_prepare

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores;" \
     "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}; $ranks ranks as ${p}x${q}"
printf '%-7s %-5s %12s %14s %8s %14s %16s\n' N NB "hpcc Gflops" "bramble Gflops" ratio \
       "DGEMM limit" "bramble/limit"
for n in $ns; do
  for nb in $nbs; do
    hpcc_gflops=0 bramble_gflops=0 limit=0
    for _ in $(seq "$rounds"); do
      (cd "$work" && hpcc_input "$n" "$nb" "$p" "$q" > hpccinf.txt && rm -f hpccoutf.txt &&
       mpirun -np "$ranks" hpcc > hpcc.log 2>&1)
      h=$(awk -F= '/^HPL_Tflops=/ {printf "%.2f", $2 * 1000}' "$work/hpccoutf.txt")
      l=$(awk -F= -v r="$ranks" '/^StarDGEMM_Gflops=/ {printf "%.2f", $2 * r}' "$work/hpccoutf.txt")
      bramble_run "$ranks" "$work/bramble.h5" hpl --n "$n" --nb "$nb" --p "$p" --q "$q"
      b=$(bramble_figure "$work/bramble.h5" gflops_best)
      hpcc_gflops=$(best "$hpcc_gflops" "$h")
      bramble_gflops=$(best "$bramble_gflops" "$b")
      limit=$(best "$limit" "$l")
    done
    awk -v n="$n" -v nb="$nb" -v h="$hpcc_gflops" -v b="$bramble_gflops" -v l="$limit" 'BEGIN {
      printf "%-7s %-5s %12.2f %14.2f %7.3fx %14.2f %15.1f%%\n", n, nb, h, b, b / h, l, 100 * b / l }'
  done
done
core=$(bramble_figure "$work/bramble.h5" blas_corename)
echo "best of $rounds round(s); bramble's BLAS core: $core"
