#!/usr/bin/env bash
# testbed.package_deploy: scripts/deploy.sh across the testbed's three nodes through the rsh
# agent, each node installing into a scratch root of its own (the nodes share this machine's
# files; they differ in network namespace and hostname): every node is reported ok with the
# package's version line. Then failures, each named while the other hosts are still reported
# ok, in hostfile order: a host that does not exist (n9), a node whose bramble answers another
# version, a package of another architecture (sent to no node), a file that is no package.
#   deploy_testbed.sh PACKAGE_DIR   (the directory package.build leaves the .deb in)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../testbed/lib.sh"
[ $# = 1 ] || fail "usage: deploy_testbed.sh PACKAGE_DIR"
debs=("$1"/bramble_*.deb)
[ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] || fail "no single bramble_*.deb in $1 (the fixture package.build makes it)"
deb=${debs[0]}
deploy=$TESTBED/../deploy.sh
dir=$TB_OUT/package-deploy
rm -rf "$dir"
mkdir -p "$dir"
export BRAMBLE_RSH=$TESTBED/rsh-agent
# Expanded by each node's shell: $(hostname) is that node's name, so each has its own root.
export BRAMBLE_DEPLOY_INSTALL="$here/scratch_dpkg.sh $dir/roots/\$(hostname)"
export BRAMBLE_DEPLOY_BRAMBLE="$dir/roots/\$(hostname)/usr/bin/bramble"
want=$(dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./usr/share/bramble/version)
hostfile=$("$TESTBED/testbed.sh" hostfile)

# deploy NAME HOSTFILE DEB: deploy.sh's output in $dir/NAME.out and shown, its exit in $rc.
deploy() {
  local name=$1
  shift
  echo "== $name"
  set +e
  "$deploy" "$@" >"$dir/$name.out" 2>&1
  rc=$?
  set -e
  cat "$dir/$name.out"
}
ok() { grep -qxF "deploy: $2: ok ($want)" "$dir/$1.out" || fail "$1: $2 is not reported ok with '$want'"; }
order() { grep -o '^deploy: n[0-9]*:' "$dir/$1.out" | sed 's/^deploy: //; s/:$//' | tr '\n' ' ' | sed 's/ $//'; }

copies_before=$(find /tmp -maxdepth 1 -name 'bramble-deploy.*' | sort)
deploy all "$hostfile" "$deb"
[ $rc = 0 ] || fail "exit $rc with three good nodes"
for n in n1 n2 n3; do
  ok all $n
  [ -x "$dir/roots/$n/usr/bin/bramble" ] || fail "nothing installed in $n's scratch root"
done
[ "$(order all)" = "n1 n2 n3" ] || fail "expected one line for each of n1..n3 in order, got: $(order all)"
[ "$(find /tmp -maxdepth 1 -name 'bramble-deploy.*' | sort)" = "$copies_before" ] || fail "copies of the package left in /tmp"

printf '# two good nodes and one that does not exist\nn1 slots=2\nn9 slots=2  # gone\n\nn2 slots=2\n' >"$dir/with-n9"
deploy n9 "$dir/with-n9" "$deb"
[ $rc != 0 ] || fail "exit 0 although n9 does not exist"
grep -q "^deploy: n9: FAILED: unreachable" "$dir/n9.out" || fail "n9 is not named as unreachable"
ok n9 n1
ok n9 n2
[ "$(order n9)" = "n1 n9 n2" ] || fail "expected n1, n9, n2 in hostfile order, got: $(order n9)"
grep -q "^deploy: 1 of 3 host(s) failed: n9$" "$dir/n9.out" || fail "the summary does not name n9 alone"

# n2's bramble answers another build: named with what it answered.
fake=$dir/fake-bramble
cat >"$fake" <<FAKE
#!/bin/sh
if [ "\$(hostname)" = n2 ]; then echo "bramble 0.0.0 (commit 0123456789ab), result schema 1"; exit 0; fi
exec "$dir/roots/\$(hostname)/usr/bin/bramble" "\$@"
FAKE
chmod +x "$fake"
BRAMBLE_DEPLOY_BRAMBLE=$fake deploy other-build "$hostfile" "$deb"
[ $rc != 0 ] || fail "exit 0 although n2 answers another version"
grep "^deploy: n2: FAILED: installed, but " "$dir/other-build.out" |
  grep -qF "answers 'bramble 0.0.0 (commit 0123456789ab), result schema 1'" || fail "n2's other version is not named"
for n in n1 n3; do ok other-build $n; done

# The same package relabelled for another architecture: refused for every node, nothing sent.
other=arm64
[ "$(dpkg --print-architecture)" != arm64 ] || other=amd64
dpkg-deb -R "$deb" "$dir/relabelled"
sed -i "s/^Architecture: .*/Architecture: $other/" "$dir/relabelled/DEBIAN/control"
dpkg-deb -b "$dir/relabelled" "$dir/other-arch.deb" >/dev/null
BRAMBLE_DEPLOY_INSTALL="$here/scratch_dpkg.sh $dir/other-roots/\$(hostname)" deploy arch "$hostfile" "$dir/other-arch.deb"
[ $rc != 0 ] || fail "exit 0 for a package of another architecture"
[ "$(grep -c "^deploy: n[0-9]: FAILED: the host is $(dpkg --print-architecture), the package $other: not installed$" "$dir/arch.out")" = 3 ] ||
  fail "not every node refused the $other package"
[ ! -e "$dir/other-roots" ] || fail "a node installed the $other package"

deploy not-a-package "$hostfile" "$hostfile"
[ $rc = 2 ] && grep -q "not a Debian package" "$dir/not-a-package.out" || fail "a file that is no package: exit $rc, not named"
echo "ok: three nodes answer '$want'; n9, n2's other build and the $other package named"
