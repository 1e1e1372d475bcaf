#!/usr/bin/env bash
# kernel_on_nodes.sh NAME REGEX BRAMBLE-RUN-ARGS...: one rank on each testbed node runs
# `bramble run BRAMBLE-RUN-ARGS --out TB_OUT/NAME.h5`. It must exit 0, print REGEX (the
# kernel's verified line), and its result file must name every node, n1..nK, once each.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
name=$1 regex=$2
shift 2
out=$TB_OUT/$name.h5
rm -f "$out"
nodes=$("$TESTBED/testbed.sh" nodes | tr '\n' ' ' | sed 's/ $//')
k=$(echo "$nodes" | wc -w)

log=$(must_pass "$k nodes" tb_mpirun -n "$k" --map-by node "$BRAMBLE" run "$@" --power off --out "$out") ||
  { echo "$log"; exit 1; }
echo "$log"
grep -E -q -e "$regex" <<<"$log" || fail "no line matches /$regex/"

hosts=$(file_hosts "$out")
echo "per-node records name: $hosts"
[ "$hosts" = "$nodes" ] || fail "the result file names hosts '$hosts', expected '$nodes'"
shown=$("$BRAMBLE" show "$out")
grep -E -q "$k rank\(s\) on $k node\(s\)" <<<"$shown" || fail "bramble show does not say $k ranks on $k nodes"
echo "ok: verified on $k nodes ($nodes), each named in $out"
