#!/usr/bin/env bash
# The fixture package.build: scripts/package.sh amd64 as a user runs it (the release preset in
# build/release with ccache, then cpack), the .deb going to this build tree. Its last line must
# be the path of that .deb.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rm -rf "$BRAMBLE_PACKAGE_DIR"
log=$PKG_OUT/package.log
start=$(date +%s)
"$SOURCE_DIR/scripts/package.sh" amd64 2>&1 | tee "$log" || fail "scripts/package.sh amd64: exit ${PIPESTATUS[0]}"
echo "(scripts/package.sh amd64 took $(($(date +%s) - start)) s)"
deb=$(package_deb)
[ "$(tail -n 1 "$log")" = "$deb" ] || fail "the last line printed is not the .deb's path $deb"
dpkg-deb -f "$deb" Package >/dev/null || fail "$deb is not a Debian package"
echo "ok: $deb"
