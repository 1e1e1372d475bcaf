#!/usr/bin/env bash
# Sets everything up and runs the suite on this machine: one MPI rank per core, each
# kernel's quick size, a result file under results/ and a summary table.
# Extra arguments go to `bramble run all` (e.g. --label "my box").
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh" release
. "$root/scripts/env.sh"
cd "$root"
mpirun -np "$(nproc)" build/release/bramble run all --quick "$@"
