# shellcheck shell=bash
# Helpers for the package tests; sourced. Their environment (CMakeLists.txt): BRAMBLE (this
# build's executable), BRAMBLE_PACKAGE_DIR (where package.build leaves the .deb), SOURCE_DIR,
# MPIEXEC, PKG_OUT (a directory for their files).
set -euo pipefail
: "${BRAMBLE:?}" "${BRAMBLE_PACKAGE_DIR:?}" "${SOURCE_DIR:?}" "${PKG_OUT:?}"
# Under emulation (the arm64 suite runs inside an arm64 root) there is no amd64 release build
# to package or install; scripts/package.sh arm64 is checked on the host instead.
if [ "${BRAMBLE_TEST_EMULATED:-0}" = 1 ]; then
  echo "skipped: the package is built and installed natively, not under emulation"
  exit 77
fi
. "$SOURCE_DIR/scripts/env.sh"
mkdir -p "$PKG_OUT"

fail() { echo "FAIL: $*" >&2; exit 1; }

# The .deb that package.build made: exactly one.
package_deb() {
  local debs=("$BRAMBLE_PACKAGE_DIR"/bramble_*.deb)
  [ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] ||
    fail "no single bramble_*.deb in $BRAMBLE_PACKAGE_DIR (the fixture package.build makes it)"
  echo "${debs[0]}"
}

# depends_names DEB: every package its Depends field names, alternatives too, one a line.
depends_names() {
  dpkg-deb -f "$1" Depends | tr ',|' '\n' | sed 's/([^)]*)//; s/:any//; s/^ *//; s/ *$//' | grep .
}
