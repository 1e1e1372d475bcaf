# shellcheck shell=bash disable=SC2034  # sourced: the names are used by the scripts that source it
# Names shared by testbed.sh, mpirun.sh and rsh-agent; sourced, not run.
#
# Every namespace, /etc/netns directory and the state directory carry one prefix
# (BRAMBLE_TESTBED_PREFIX, default "brb"), so nothing else on the machine clashes and two
# people can each have a testbed up at once by choosing different prefixes. Node n<i> lives
# in namespace <prefix>-n<i>; the bridge joining them in <prefix>-br.
TB_PREFIX=${BRAMBLE_TESTBED_PREFIX:-brb}
TB_BRIDGE_NS=$TB_PREFIX-br
TB_STATE=/run/$TB_PREFIX-testbed   # hostfile, node list; gone after `down`
# The nodes' subnet exists only inside the namespaces (the root namespace has no route to
# it), so it cannot collide with the machine's own networks.
TB_NET=10.213.0
TB_SUBNET=$TB_NET.0/24

tb_ns() { echo "$TB_PREFIX-$1"; }   # namespace of node NAME
