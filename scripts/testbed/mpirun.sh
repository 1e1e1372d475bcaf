#!/usr/bin/env bash
# mpirun across the testbed's nodes (scripts/testbed/testbed.sh up K first):
#   scripts/testbed/mpirun.sh [mpirun args...]
# e.g. scripts/testbed/mpirun.sh -n 4 --map-by node build/ci/benchmarks/bramble/bramble run hpl --n 400 --out /abs/r.h5
#
# mpirun itself runs inside n1 (as a user would on a cluster's head node), with the
# hostfile of every node (slots = physical cores) and the testbed's rsh agent in place of
# ssh. Paths given to the ranks should be absolute: every node sees this machine's files,
# like a cluster's NFS home, but a rank's working directory is mpirun's only if it exists.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
. "$here/../env.sh"   # root, oversubscription, OPENBLAS_NUM_THREADS=1
# The nodes share this machine's cores, but each node's slots are all of them, so Open MPI
# thinks nothing is oversubscribed and its ranks spin while they wait, starving the ranks
# of other nodes (HPL N=480 on 4 nodes: 0.8-3.3 s spinning, 0.3-0.4 s yielding). An
# environment default, so that a --mca on the command line can still override it.
export OMPI_MCA_mpi_yield_when_idle=${OMPI_MCA_mpi_yield_when_idle:-1}
[ -f "$TB_STATE/hostfile" ] || { echo "testbed mpirun: no testbed is up (scripts/testbed/testbed.sh up K)" >&2; exit 1; }

# shellcheck disable=SC2054  # tcp,self is one word
options=(
  --hostfile "$TB_STATE/hostfile"
  --mca plm_rsh_agent "$here/rsh-agent"
  # Every daemon straight from mpirun: a daemon launching others would need the agent on
  # its own PATH and gains nothing on a handful of nodes.
  --mca plm_rsh_no_tree_spawn 1
  # TCP between ranks, over the testbed's subnet only: ob1 (UCX would pick its own
  # transports, shared memory included) with the TCP and self transports, no vader.
  --mca pml ob1 --mca btl tcp,self
  --mca btl_tcp_if_include "$TB_SUBNET" --mca oob_tcp_if_include "$TB_SUBNET"
  # Binding to cores stalls TCP between the namespaces (4 ms a message): K nodes share
  # this machine's cores anyway.
  --bind-to none
  -x OPENBLAS_NUM_THREADS
)
# A forced OpenBLAS core travels too, so every node runs the kernels the run records.
[ -z "${OPENBLAS_CORETYPE:-}" ] || options+=(-x OPENBLAS_CORETYPE)
# mpirun (and rank 0, its child) in a session of its own, as every other node's daemon and
# ranks are (orted --daemonize calls setsid): the kernel's scheduler shares the CPU fairly
# between sessions (autogroup), so a node that shared its session with whatever started the
# run (a compile, a CPU hog, ctest's other tests) would get a fraction of a node's share and
# look like a slow node, which no real cluster's head node does (measured: n1's links 4-6x
# slower than the others' under a CPU hog started from the same shell).
exec ip netns exec "$(tb_ns n1)" unshare --uts -- \
  /bin/sh -c 'hostname n1 && exec setsid -w "$@"' sh "${MPIRUN:-mpirun}" "${options[@]}" "$@"
