#!/usr/bin/env bash
# Two testbed nodes joined at 1gbit (shaped both ways) give the same HPL answer as the same
# N, NB and 1x2 grid on one host under plain mpiexec: only the transport differs (TCP
# through the veths and the bridge, or shared memory), and the arithmetic, reductions
# included, happens in the same order, so every verification figure must match to the bit.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
hpl=(run hpl --n 640 --nb 32 --p 1 --q 2 --seed 7 --power off)

for node in n1 n2; do
  grep -q "tbf .*rate 1Gbit" <<<"$(tc -n "$(tb_ns "$node")" qdisc show dev eth0)" ||
    fail "$node's end of its veth is not shaped to 1gbit"
  grep -q "tbf .*rate 1Gbit" <<<"$(tc -n "$(tb_ns br)" qdisc show dev "$node")" ||
    fail "the bridge's end of $node's veth is not shaped to 1gbit"
done

one=$TB_OUT/same-one-host.h5 two=$TB_OUT/same-two-nodes.h5
rm -f "$one" "$two"
must_pass "one host, mpiexec" "${MPIEXEC:-mpiexec}" -n 2 "$BRAMBLE" "${hpl[@]}" --out "$one"
must_pass "two nodes at 1gbit" tb_mpirun -n 2 --map-by node "$BRAMBLE" "${hpl[@]}" --out "$two"

[ "$(file_hosts "$two")" = "n1 n2" ] || fail "the two-node run did not run on n1 and n2: $(file_hosts "$two")"
[ "$(file_hosts "$one")" != "n1 n2" ] || fail "the one-host run ran on the testbed"
a=$(file_verification "$one") b=$(file_verification "$two")
echo "one host:  $a"
echo "two nodes: $b"
jq -e '.scaled_residual | type == "number"' <<<"$a" >/dev/null || fail "no scaled residual in $one"
[ "$a" = "$b" ] || fail "the verification figures differ between one host and two nodes"
echo "ok: identical scaled residual, residual and norms over TCP at 1gbit and over shared memory"
