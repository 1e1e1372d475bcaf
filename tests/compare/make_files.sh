#!/usr/bin/env bash
# Writes the result files the compare tests read, with the real program at small sizes:
#   one.h5   one run (label "one") at 1 rank: hpl, stencil, render, declared 20 W load and
#            8 W idle, $300
#   two.h5   the same at 2 ranks (label "two", 40 W / 16 W, $600), then a second run
#            (label "hpl-only") of hpl alone at another N, without power
# Usage: make_files.sh OUTDIR   (BRAMBLE and MPIEXEC in the environment)
set -eu
out=$1
mkdir -p "$out"
rm -f "$out"/one.h5 "$out"/two.h5
three_kernels() {  # ranks label watts idle price file
  "$MPIEXEC" -n "$1" "$BRAMBLE" run hpl --n 400 --nb 32 --reps 3 stencil --n 256 --steps 20 \
    render --width 96 --height 64 --power "fixed:$3:$4" --idle-seconds 0.3 --label "$2" \
    --price-usd "$5" --out "$out/$6" >/dev/null 2>&1
}
three_kernels 1 one 20 8 300 one.h5
three_kernels 2 two 40 16 600 two.h5
"$MPIEXEC" -n 2 "$BRAMBLE" run hpl --n 480 --nb 32 --label hpl-only --power off --out "$out/two.h5" >/dev/null 2>&1
echo "make_files.sh: wrote $out/one.h5 and $out/two.h5"
