#!/usr/bin/env bash
# OpenBLAS against BLIS on this machine, side by side: HPL (2 ranks) and the doctor's
# single-core DGEMM, alternating builds, ROUNDS rounds (default 3), every round printed.
# Needs both builds: scripts/setup.sh release && scripts/setup.sh release-blis.
# Usage: benchmarks/compare/blas_choice.sh [N] [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$root/scripts/env.sh"
n=${1:-6000} rounds=${2:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
declare -A bin=([openblas]="$root/build/release/bramble" [blis]="$root/build/release-blis/bramble")
for b in "${bin[@]}"; do [ -x "$b" ] || { echo "blas_choice.sh: missing $b (build both presets)"; exit 1; }; done
# The figure of merit of KERNEL in FILE, read from `bramble show --format json`.
figure() {
  "$1" show "$2" --format json | /usr/bin/python3 -c '
import json, sys
for run in json.load(sys.stdin)["runs"]:
    for k in run["kernels"]:
        if k["kernel"] == sys.argv[1]:
            print(k["figure_of_merit"])' "$3"
}
printf '%-6s %-9s %12s %14s\n' round blas "HPL Gflop/s" "DGEMM Gflop/s"
for round in $(seq 1 "$rounds"); do
  for blas in openblas blis; do
    mpiexec -n 2 "${bin[$blas]}" run hpl --n "$n" --power off --out "$out/$blas-$round.h5" >/dev/null 2>&1
    hpl=$(figure "${bin[$blas]}" "$out/$blas-$round.h5" hpl)
    mpiexec -n 1 "${bin[$blas]}" doctor --quick --out "$out/doc-$blas-$round.h5" >/dev/null 2>&1
    dgemm=$(figure "${bin[$blas]}" "$out/doc-$blas-$round.h5" doctor-dgemm)
    printf '%-6s %-9s %12.2f %14.2f\n' "$round" "$blas" "$hpl" "$dgemm"
  done
done
"${bin[openblas]}" show "$out/openblas-1.h5" | grep -m1 "BLAS core"
"${bin[blis]}" show "$out/blis-1.h5" | grep -m1 "BLAS core"
