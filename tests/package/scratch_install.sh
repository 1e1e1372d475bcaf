#!/usr/bin/env bash
# package.scratch_install: the .deb installed into a scratch root with dpkg (not into /usr):
# dpkg records it as installed; the program there answers with the version line the package
# ships (usr/share/bramble/version, what scripts/deploy.sh compares with) and finds every
# library; a small stencil run under mpiexec passes; `dpkg --remove` takes every file away.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
deb=$(package_deb)
dir=$(mktemp -d "$PKG_OUT/scratch.XXXXXX")
trap 'rm -rf "$dir"' EXIT
root=$dir/root
admin=(--admindir="$root/var/lib/dpkg")

"$(dirname "${BASH_SOURCE[0]}")/scratch_dpkg.sh" "$root" "$deb" || fail "dpkg -i into $root: exit $?"
[ "$(dpkg-query "${admin[@]}" -W -f='${Status} ${Version}' bramble)" = "install ok installed $(dpkg-deb -f "$deb" Version)" ] ||
  fail "dpkg does not list bramble $(dpkg-deb -f "$deb" Version) as installed in $root"
exe=$root/usr/bin/bramble
[ -x "$exe" ] || fail "no executable $exe"
ldd "$exe" | grep "not found" && fail "$exe: libraries not found (above)"

answer=$("$exe" --version) || fail "$exe --version: exit $?"
echo "$answer"
[ "$answer" = "$(cat "$root/usr/share/bramble/version")" ] ||
  fail "the installed program answers '$answer', the package's version file says '$(cat "$root/usr/share/bramble/version")'"

rc=0
out=$("${MPIEXEC:-mpiexec}" -n 2 "$exe" run stencil --nx 64 --ny 48 --steps 5 --power off --out "$dir/x.h5" 2>&1) || rc=$?
echo "$out"
[ $rc = 0 ] || fail "mpiexec -n 2 $exe run stencil: exit $rc"
grep -q "^stencil .*PASSED" <<<"$out" || fail "the stencil run did not pass"
[ -s "$dir/x.h5" ] || fail "no result file $dir/x.h5"

dpkg --root="$root" --log="$root/var/log/dpkg.log" --force-not-root -r bramble || fail "dpkg -r: exit $?"
left=$(find "$root/usr" -type f 2>/dev/null || true)
[ -z "$left" ] || fail "files left after dpkg -r: $left"
rm -rf "$dir"
[ ! -e "$dir" ] || fail "cannot remove $dir"
echo "ok: installed into a scratch root, --version matches the package, stencil PASSED on 2 ranks, removed cleanly"
