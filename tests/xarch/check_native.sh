#!/usr/bin/env bash
# check_native.sh BRAMBLE FOREIGN.h5 NATIVE.h5: the native build reads a result file written
# on another architecture (a Pi's, written by write.sh under emulation) as a server would:
# `show` in every format prints its kernels as PASSED with the foreign architecture, and
# `compare` puts it beside a native file. Exit 0 when all holds; the first failure otherwise.
set -u
bramble=$1 foreign=$2 native=$3
fail() { echo "check_native.sh: FAIL: $*"; exit 1; }
[ -f "$foreign" ] || fail "no foreign file $foreign (did xarch.write.np2 run in the arm64 suite?)"
[ -f "$native" ] || fail "no native file $native (did xarch.write.np2 run in the native suite?)"
foreign_arch=$(basename "$foreign" .h5)
native_arch=$(basename "$native" .h5)
[ "$foreign_arch" != "$native_arch" ] || fail "both files are $native_arch"

shown=$("$bramble" show "$foreign" 2>&1) || fail "show $foreign exited $?: $shown"
echo "$shown"
grep -q "written-on-$foreign_arch" <<<"$shown" || fail "show: no label written-on-$foreign_arch"
grep -Eq "(^|[^a-z0-9_])$foreign_arch([^a-z0-9_]|$)" <<<"$shown" || fail "show: the node's architecture $foreign_arch is not printed"
for kernel in hpl stream stencil render; do
  grep -Eq "^  $kernel .*PASSED" <<<"$shown" || fail "show: no PASSED line for $kernel"
done
for format in csv json markdown; do
  "$bramble" show "$foreign" --format "$format" > /dev/null 2>&1 || fail "show --format $format exited non-zero"
done
json=$("$bramble" show "$foreign" --format json) || fail "show --format json"
grep -q "\"$foreign_arch\"" <<<"$json" || fail "show --format json: no \"$foreign_arch\""

compared=$("$bramble" compare "$native" "$foreign" 2>&1) || fail "compare exited $?: $compared"
echo "$compared"
for label in "written-on-$native_arch" "written-on-$foreign_arch"; do
  grep -q "$label" <<<"$compared" || fail "compare: no $label"
done
grep -Eq "^ *hpl " <<<"$compared" || grep -q "hpl" <<<"$compared" || fail "compare: no hpl row"
echo "check_native.sh: ok: $native_arch's bramble shows and compares a file written on $foreign_arch"
