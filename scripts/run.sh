#!/usr/bin/env bash
# Sets everything up and runs the suite on this machine: one MPI rank per physical core,
# each kernel's quick size, a result file under results/ and a summary table.
# Extra arguments go to `bramble run all` (e.g. --label "my box").
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh" release
. "$root/scripts/env.sh"
cd "$root"

# Physical cores as bramble counts them for /core: distinct (core, socket) pairs, so SMT
# siblings count once; nproc where lscpu cannot tell. Never more than nproc, the CPUs this
# shell may run on (a cpuset or container may allow fewer than the machine has), so that
# no two ranks take turns on a CPU.
physical_cores() {
  local n allowed
  n=$(lscpu -p=CORE,SOCKET 2>/dev/null | grep -v '^#' | sort -u | wc -l)
  allowed=$(nproc)
  [ "$n" -gt 0 ] && [ "$n" -le "$allowed" ] || n=$allowed
  echo "$n"
}

mpirun -np "$(physical_cores)" build/release/bramble run all --quick "$@"
