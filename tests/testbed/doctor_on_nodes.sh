#!/usr/bin/env bash
# doctor_on_nodes.sh FLAGGED NAME [doctor options...]: `bramble doctor` with one rank on each
# testbed node; it must flag exactly the nodes FLAGGED names (comma-separated; "none": no node)
# and finish within DOCTOR_MAX_SECONDS (150: the slow link's pairs are measured up to three
# times at 100 Mbit, ~8 s each, on a machine that may be busy), mpirun included
# (tests/doctor/doctor_check.sh checks the rest: exit 0, the table, the result file as
# `bramble show` prints it).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
flagged=$1 name=$2
shift 2
k=$("$TESTBED/testbed.sh" nodes | wc -l)
export LAUNCH="$TESTBED/mpirun.sh -n $k --map-by node" DOCTOR_MAX_SECONDS=${DOCTOR_MAX_SECONDS:-150}
exec "$(dirname "${BASH_SOURCE[0]}")/../doctor/doctor_check.sh" "$flagged" "$TB_OUT/$name.h5" "$@"
