#!/usr/bin/env bash
# scripts/hostfile.sh against the testbed's nodes, through the rsh agent instead of SSH:
# every good node gets slots = its physical cores; a host that does not answer (n9) and a
# node with a different bramble build are named with the reason, with a non-zero exit.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export BRAMBLE_RSH=$TESTBED/rsh-agent
hostfile=$TESTBED/../hostfile.sh
dir=$TB_OUT/hostfile
rm -rf "$dir"
mkdir -p "$dir"

# Physical cores counted here another way than the script does (sysfs, not lscpu).
cores=$(for t in /sys/devices/system/cpu/cpu[0-9]*/topology; do
  echo "$(cat "$t/physical_package_id"),$(cat "$t/core_id")"
done | sort -u | wc -l)
good=$(printf 'n%d slots='"$cores"'\n' 1 2 3 4)

echo "== all four nodes"
"$hostfile" --bramble "$BRAMBLE" -o "$dir/all" n1 n2 n3 n4 || fail "exit $? with four good nodes"
cat "$dir/all"
[ "$(cat "$dir/all")" = "$good" ] || fail "expected the hostfile:"$'\n'"$good"

echo "== with a host that does not exist"
set +e
"$hostfile" --bramble "$BRAMBLE" -o "$dir/n9" n1 n2 n9 n3 n4 2>"$dir/n9.err"
rc=$?
set -e
cat "$dir/n9" "$dir/n9.err"
[ "$rc" != 0 ] || fail "exit 0 although n9 does not answer"
grep -q "^hostfile: n9: unreachable" "$dir/n9.err" || fail "n9 is not named as unreachable"
[ "$(grep -c "^hostfile: n[0-9]*:" "$dir/n9.err")" = 1 ] || fail "a host other than n9 was named as failing"
[ "$(cat "$dir/n9")" = "$good" ] || fail "the hostfile should list the four good nodes"

echo "== with a different bramble build on n2"
fake=$dir/bramble
cat >"$fake" <<FAKE
#!/bin/sh
# n2 has another build; every other node the real one.
if [ "\$(hostname)" = n2 ]; then echo "bramble 0.0.0 (commit 0123456789ab), result schema 1"; exit 0; fi
exec "$BRAMBLE" "\$@"
FAKE
chmod +x "$fake"
set +e
"$hostfile" --bramble "$fake" n1 n2 n3 n4 >"$dir/n2" 2>"$dir/n2.err"
rc=$?
set -e
cat "$dir/n2" "$dir/n2.err"
[ "$rc" != 0 ] || fail "exit 0 although n2 has a different bramble build"
grep -q "^hostfile: n2: a different bramble build" "$dir/n2.err" || fail "n2 is not named as having a different build"
[ "$(cat "$dir/n2")" = "$(printf 'n%d slots='"$cores"'\n' 1 3 4)" ] || fail "the hostfile should list n1, n3 and n4"
echo "ok: slots = $cores physical cores; n9 and n2's build named"
