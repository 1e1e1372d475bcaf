#!/usr/bin/env bash
# write.sh FILE: every kernel at small sizes, 2 ranks, a declared 5 W per node, into FILE
# (replaced), labelled with this machine's architecture; each kernel must pass, and
# `bramble show` must read the file back. Environment: BRAMBLE, MPIEXEC.
set -u
file=$1
arch=$(uname -m)
fail() { echo "write.sh: FAIL: $*"; exit 1; }
mkdir -p "$(dirname "$file")" && rm -f "$file"
out=$("${MPIEXEC:-mpiexec}" -n 2 "$BRAMBLE" run hpl --n 200 --nb 16 stream --stream-n 200000 --stream-iterations 3 \
        stencil --nx 64 --ny 48 --steps 5 render --width 64 --height 48 --spp 2 --tile 8 \
        --power fixed:5 --idle-seconds 0 --label "written-on-$arch" --out "$file" 2>&1)
rc=$?
echo "$out"
[ $rc = 0 ] || fail "bramble run exited $rc"
for kernel in hpl stream stencil render; do
  grep -Eq "^$kernel .*PASSED" <<<"$out" || fail "no PASSED line for $kernel"
done
shown=$("$BRAMBLE" show "$file" 2>&1) || fail "bramble show $file: $shown"
grep -q "written-on-$arch" <<<"$shown" || fail "show does not print the label written-on-$arch"
echo "write.sh: wrote $file on $arch"
