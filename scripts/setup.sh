#!/usr/bin/env bash
# Installs the Debian packages bramble needs (only those missing), then configures and
# builds one CMake preset (default: release). Usage: scripts/setup.sh [release|release-blis|ci|asan]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${1:-release}

packages=(g++ cmake ninja-build pkg-config git ccache openmpi-bin libopenmpi-dev libopenblas-dev
          libhdf5-dev libcli11-dev libbenchmark-dev libgtest-dev libpng-dev
          libcurl4-openssl-dev nlohmann-json3-dev libtomlplusplus-dev libboost-math-dev
          lighttpd jq  # tests: a real HTTP server with digest auth; JSON output checked by a JSON tool
          iproute2  # ip and tc: the namespace testbed (scripts/testbed/)
          python3-matplotlib python3-h5py)  # scripts/plot.py
if [ "$preset" = release-blis ]; then packages+=(libblis-serial-dev); fi  # BLIS instead of OpenBLAS
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install sudo to get: ${missing[*]}"; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cd "$root"
# ccache: a machine that built bramble before (CI runs in a fresh clone each time) rebuilds
# only what changed. Paths are hashed relative to the checkout, so another clone at another
# path hits the same cache.
export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
