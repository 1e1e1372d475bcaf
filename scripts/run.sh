#!/usr/bin/env bash
# Sets everything up and runs the suite on this machine: one MPI rank per physical core, sizes
# chosen from this machine so that the run takes a few minutes, a result file under results/
# and a summary table. Extra arguments go to `bramble run` (e.g. --label "my box").
#
# Not --quick (fixed small sizes, the same everywhere: a smoke test, not valid for
# comparison) and not the full defaults (HPL on 80 % of memory: an hour or more here). Each
# kernel is sized to the machine, as the defaults are, with less work where that is long:
#   stream   the default: each array 4x the last-level cache (within 40 % of memory);
#   hpl      N grows as the cube root of the physical cores, so the work per core stays the
#            same (N = 10,000 on 2 cores), within a quarter of the available memory;
#   stencil  the default grid (each node's share at least 4x its last-level cache), 20 steps;
#   render   the default (samples per pixel doubled with the cores).
# Every kernel still runs at least 3 repetitions, so the result can be valid for comparison.
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

# HPL's N: 10,000 x cbrt(cores / 2), a multiple of NB (192), at most what a quarter of the
# available memory holds (8 N^2 bytes).
hpl_n() {
  local cores=$1 avail_kib
  avail_kib=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)
  awk -v c="$cores" -v kib="$avail_kib" -v nb=192 'BEGIN {
    n = 10000 * (c / 2) ^ (1 / 3);
    cap = sqrt(kib * 1024 / 4 / 8);
    if (n > cap) n = cap;
    n = int(n / nb) * nb;
    if (n < nb) n = nb;
    print n
  }'
}

ranks=$(physical_cores)
n=$(hpl_n "$ranks")
echo "run.sh: $ranks rank(s), one per physical core; HPL N=$n, stencil 20 steps (scripts/run.sh says why)"
mpirun -np "$ranks" build/release/bramble run stream hpl --n "$n" stencil --steps 20 render "$@"
