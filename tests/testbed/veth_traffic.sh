#!/usr/bin/env bash
# The ranks really talk through the veths: a 3D stencil on one rank per node, and each
# node's interface counters must grow, both ways, by at least the halo bytes its rank must
# send and receive. A transport that took a short cut through shared memory (all the
# "nodes" are one machine) would leave them nearly still.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
out=$TB_OUT/traffic.h5
rm -f "$out"
mapfile -t nodes < <("$TESTBED/testbed.sh" nodes)
k=${#nodes[@]}

declare -A rx0 tx0
for node in "${nodes[@]}"; do read -r "rx0[$node]" "tx0[$node]" < <("$TESTBED/testbed.sh" bytes "$node"); done
must_pass "stencil on $k nodes" tb_mpirun -n "$k" --map-by node "$BRAMBLE" run stencil --dims 3 --n 128 --radius 4 \
  --steps 10 --power off --out "$out"

# The halo every rank sends per step, from what the file says was run: along each axis cut
# between ranks, at least one face of radius x (the other two local extents) doubles, and
# a local extent is at least the global one over the ranks along it, rounded down. Each
# round is the timed steps plus one untimed one; a neighbour receives what is sent.
param() {  # the first kernel's integer parameter NAME
  "$BRAMBLE" show "$out" --format json | jq -e --arg name "$1" '.runs[0].kernels[0].parameters[$name] | numbers'
}
r=$(param radius) steps=$(param steps) rounds=$(param rounds)
n=("$(param nx)" "$(param ny)" "$(param nz)") p=("$(param px)" "$(param py)" "$(param pz)")
per_step=0
for a in 0 1 2; do
  [ "${p[a]}" -gt 1 ] || continue
  face=$r
  for b in 0 1 2; do [ "$b" = "$a" ] || face=$((face * (n[b] / p[b]))); done
  per_step=$((per_step + 8 * face))
done
need=$((per_step * (steps + 1) * rounds))
echo "grid ${n[*]} over ranks ${p[*]}, radius $r, $steps steps x $rounds round(s): at least $need halo bytes each way per rank"
[ "$need" -gt 1000000 ] || fail "the expected halo ($need bytes) is too small to tell TCP from shared memory"

for node in "${nodes[@]}"; do
  read -r rx tx < <("$TESTBED/testbed.sh" bytes "$node")
  drx=$((rx - rx0[$node])) dtx=$((tx - tx0[$node]))
  echo "$node: received $drx bytes, sent $dtx bytes"
  [ "$drx" -ge "$need" ] || fail "$node received $drx bytes over its veth, fewer than the $need its rank must"
  [ "$dtx" -ge "$need" ] || fail "$node sent $dtx bytes over its veth, fewer than the $need its rank must"
done
[ "$(file_hosts "$out")" = "${nodes[*]}" ] || fail "the result file names hosts $(file_hosts "$out")"
echo "ok: every node's veth carried at least its rank's halo both ways"
