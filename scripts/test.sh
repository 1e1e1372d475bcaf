#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (ctest, ending with its summary), then
# lists the tests that were skipped and fails on any skip that tests/skips-allowed.txt does
# not explain (scripts/check-skips.sh). Arguments go to ctest (e.g. -R doctor, -L arch).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh" ci
. "$root/scripts/env.sh"
# ctest -j runs two MPI tests at once on cores that each mpirun believes its own, and tests
# often start more ranks than cores: ranks that busy-poll then starve each other (two
# at a time, the 23 MPI unit tests took 370-378 s instead of 13). Waiting ranks yield the
# core instead. Tests only: a measuring run has a core per rank and polls.
export OMPI_MCA_mpi_yield_when_idle=${OMPI_MCA_mpi_yield_when_idle:-1}
cd "$root"
log=$root/build/ci/ctest.log
set +e
ctest --preset ci "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
skips=0
"$root/scripts/check-skips.sh" "$log" || skips=$?
[ "$rc" -eq 0 ] || exit "$rc"
exit "$skips"
