#!/usr/bin/env bash
# Writes the result files the plots tests read, with the real program at small sizes:
#   suite.h5    a 2-rank run of each kernel with a declared power figure (an estimate), so
#               every plot but scaling has data (`run all --quick` takes 40 s here, too long);
#               the first run has an idle baseline; this machine has no temperature sensor
#   scaling.h5  HPL (strong) and the stencil (weak, no sampler) at 1, 2 and 4 ranks, as
#               scripts/scaling.sh appends them: one run per rank count
# Usage: BRAMBLE=... MPIEXEC=... make_files.sh OUTDIR
set -eu
out=$1
rm -rf "$out"
mkdir -p "$out"
# Output only where a run fails (warnings about this build and oversubscription are expected).
run() {
  local ranks=$1 log
  shift
  log=$("${MPIEXEC:-mpiexec}" -n "$ranks" "$BRAMBLE" run "$@" 2>&1) || { echo "$log"; exit 1; }
}

power=(--power fixed:40 --idle-seconds 0)
run 2 hpl --n 600 --power fixed:40 --idle-seconds 1 --out "$out/suite.h5" --label suite-hpl
run 2 stream --stream-n 200000 "${power[@]}" --out "$out/suite.h5" --label suite-stream
run 2 stencil --n 256 "${power[@]}" --out "$out/suite.h5" --label suite-stencil
run 2 render --width 160 --height 120 "${power[@]}" --out "$out/suite.h5" --label suite-render
for ranks in 1 2 4; do
  run "$ranks" hpl --n 400 "${power[@]}" --out "$out/scaling.h5" --label "hpl-np$ranks"
  run "$ranks" stencil --weak --n 128 --steps 20 --power off --out "$out/scaling.h5" --label "weak-np$ranks"
done
echo "make_files.sh: wrote $out/suite.h5 and $out/scaling.h5"
