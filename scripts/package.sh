#!/usr/bin/env bash
# The release build as a Debian package, to install the same bramble on every node
# (scripts/deploy.sh):
#
#   scripts/package.sh [amd64|arm64]
#
#   amd64 (default)  scripts/setup.sh release (installs what is missing, builds build/release
#                    with ccache), then cpack.
#   arm64            a cross build in build/release-arm64 (the release preset with
#                    cmake/toolchain-aarch64.cmake) against the arm64 Debian root that
#                    `scripts/test-arm64.sh --root-only` makes, then cpack.
#
# The .deb (bramble_<version>_<arch>.deb) lands in build/packages/, or in $BRAMBLE_PACKAGE_DIR;
# its path is the last line printed. Its contents and dependencies: cmake/BramblePackaging.cmake.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -le 1 ] || { echo "package: usage: scripts/package.sh [amd64|arm64]" >&2; exit 2; }
arch=${1:-amd64}
[[ $arch =~ ^(amd64|arm64)$ ]] || { echo "package: usage: scripts/package.sh [amd64|arm64] (not '$arch')" >&2; exit 2; }
out=${BRAMBLE_PACKAGE_DIR:-$root/build/packages}
arm_root=${BRAMBLE_ARM64_ROOT:-/var/cache/bramble/arm64-root}

die() { echo "package: $*" >&2; exit 1; }

# install_missing PACKAGE...: apt-get only what is not installed yet, as scripts/setup.sh does.
install_missing() {
  local missing=() p sudo=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "package: installing ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "run as root or install sudo to get: ${missing[*]}"
    sudo=sudo
  fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

cd "$root"
# One package.sh per architecture at a time (two ctest runs in one checkout): they share the
# build tree.
mkdir -p build
exec 9>"build/.package-$arch.lock"
flock -n 9 || { echo "package: waiting for another scripts/package.sh $arch to finish"; flock 9; }
case $arch in
  amd64)
    [ "$(dpkg --print-architecture)" = amd64 ] ||
      die "an amd64 package is built on an amd64 machine, this one is $(dpkg --print-architecture)"
    install_missing dpkg-dev   # dpkg-deb, which checks the package below
    "$root/scripts/setup.sh" release
    build=$root/build/release
    ;;
  arm64)
    install_missing g++-aarch64-linux-gnu cmake ninja-build pkg-config ccache dpkg-dev
    [ -f "$arm_root/.bramble-arm64-root-complete" ] ||
      die "no complete arm64 root at $arm_root: make it with scripts/test-arm64.sh --root-only"
    # ccache as in scripts/setup.sh. Only the program: the package holds nothing else, and the
    # root has no Google Benchmark for the micro benchmarks.
    export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
    export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
    build=$root/build/release-arm64
    BRAMBLE_ARM64_ROOT=$arm_root cmake --preset release -B "$build" \
      --toolchain "$root/cmake/toolchain-aarch64.cmake" -DBRAMBLE_BUILD_MICRO=OFF >/dev/null
    cmake --build "$build" -j "$(nproc)" --target bramble
    ;;
esac

# cpack's staging stays in the build tree; only the .deb goes to $out.
rm -rf "$build/cpack"
(cd "$build" && cpack -G DEB -B "$build/cpack" >"$build/cpack.log" 2>&1) ||
  { tail -n 20 "$build/cpack.log" >&2; die "cpack failed (log: $build/cpack.log)"; }
debs=("$build"/cpack/bramble_*.deb)
[ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] || die "cpack made no single bramble_*.deb in $build/cpack"
got=$(dpkg-deb -f "${debs[0]}" Architecture)
[ "$got" = "$arch" ] || die "the package's architecture is $got, not $arch (build: $build)"
mkdir -p "$out"
deb=$out/$(basename "${debs[0]}")
mv -f "${debs[0]}" "$deb"
echo "package: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version) $arch, $(du -k "$deb" | cut -f1) KiB; install with scripts/deploy.sh HOSTFILE $deb"
echo "$deb"
