#!/usr/bin/env bash
# Builds bramble for ARM64 (aarch64, the Raspberry Pi 4/5's architecture) and runs its
# architecture-sensitive tests under emulation. From a fresh Debian 12 amd64 machine, as root
# (or with sudo):
#   1. installs what the host lacks: qemu-user-static, debootstrap, the aarch64 cross g++
#      (and cmake, ninja, pkg-config, ccache);
#   2. makes an arm64 Debian bookworm root with debootstrap, outside the repository
#      (BRAMBLE_ARM64_ROOT, default /var/cache/bramble/arm64-root), installs the arm64 -dev
#      packages, openmpi-bin and cmake in it and makes its absolute symlinks relative, so that
#      the cross toolchain on the host can use it as its sysroot. A complete root (its stamp
#      file, written last, lists what it holds) is reused when it holds what this run needs;
#   3. cross-builds the `arm64` preset on the host (build/arm64; cmake/toolchain-aarch64.cmake):
#      by default only the targets the `arch` tests run (target bramble_arch_targets);
#   4. runs ctest inside the root, each arm64 program run by qemu-user through binfmt_misc,
#      with the source bind-mounted at the same path (test data paths and the CTestTestfiles
#      hold absolute paths). Mounts are undone on exit, whatever happens;
#   5. the cross-architecture check: the result file that a test wrote on aarch64 is shown
#      and compared by the native build (build/ci, which scripts/test.sh made), the Pi-to-server
#      workflow (tests/xarch/check_native.sh).
#
#   scripts/test-arm64.sh [--all] [--root-only] [ctest arguments...]
#     (default)    the tests labelled `arch` (ctest -L arch): the kernels' answers, the result
#                  file, node info, the kernels' CLI runs; about a fifth of the suite.
#     --all        the whole suite under emulation (a larger root with Python and matplotlib
#                  for the plot tests, every target built): run it before closing an issue
#                  that touches the kernels. The testbed tests skip there, with the reason.
#     --root-only  make (or check) the root and stop.
# Extra arguments go to ctest (e.g. -R render). Exit status: ctest's (non-zero when any arm64
# test fails), or that of the step that failed.
# Under emulation the tests prove that bramble builds, runs and gets the same answers on
# aarch64; they say nothing of a real Cortex-A72/A76's speed or of the OpenBLAS kernels
# picked for those cores (qemu reports a generic ARMv8 CPU).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
arm_root=${BRAMBLE_ARM64_ROOT:-/var/cache/bramble/arm64-root}
mirror=${BRAMBLE_ARM64_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
stamp=$arm_root/.bramble-arm64-root-complete

all=0 root_only=0
while [ $# -gt 0 ]; do
  case $1 in
    --all) all=1; shift ;;
    --root-only) root_only=1; shift ;;
    *) break ;;
  esac
done

# In the root: what the cross build links against and what the `arch` tests run (mpiexec,
# ctest, the shell scripts' tools), nothing else. --all adds what the rest of the suite runs:
# Google Benchmark (the micro benchmarks), the plot script's Python, git for --version's
# commit, iproute2 for the testbed's skip. python3-munkres is there only to satisfy
# python3-fonttools' "python3-scipy | python3-munkres" (matplotlib needs fonttools): without it
# apt picks SciPy, which drags in pythran and the Python headers.
root_packages=(libc6-dev libstdc++-12-dev libopenmpi-dev openmpi-bin libopenblas-dev
               libhdf5-dev libcli11-dev libgtest-dev libpng-dev cmake procps
               libcurl4-openssl-dev nlohmann-json3-dev libtomlplusplus-dev libboost-math-dev jq)
if [ $all = 1 ]; then
  root_packages+=(libbenchmark-dev iproute2 git python3 python3-matplotlib python3-h5py python3-munkres)
fi
host_packages=(qemu-user-static debootstrap g++-aarch64-linux-gnu cmake ninja-build pkg-config ccache)

say() { echo "test-arm64: $*"; }
die() { echo "test-arm64: $*" >&2; exit 1; }
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || die "needs root (debootstrap, chroot, mounts): run as root or install sudo"
  sudo=sudo
fi

# Phase timings, printed as each phase ends and again at the end.
timings=()
phase_start() { phase_name=$1; phase_t0=$(date +%s); say "== $1"; }
phase_end() {
  local s=$(( $(date +%s) - phase_t0 ))
  timings+=("$(printf '%-22s %3dm%02ds%s' "$phase_name" $((s / 60)) $((s % 60)) "${1:+ ($1)}")")
  say "-- $phase_name: $((s / 60))m$((s % 60))s${1:+ ($1)}"
}
print_timings() { local t; say "phase timings:"; for t in "${timings[@]}"; do echo "  $t"; done; }

# Every mount we make is recorded and undone in reverse order on exit.
mounts=()
cleanup() {
  local rc=$? i
  for (( i=${#mounts[@]}-1; i>=0; i-- )); do
    $sudo umount "${mounts[i]}" 2>/dev/null || $sudo umount -l "${mounts[i]}" 2>/dev/null ||
      echo "test-arm64: could not unmount ${mounts[i]}" >&2
  done
  [ ${#timings[@]} -eq 0 ] || print_timings
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mount_in_root() {  # mount_in_root TARGET mount-args...: mounts under the root, unless already
  local target=$arm_root$1; shift
  $sudo mkdir -p "$target"
  if ! mountpoint -q "$target"; then
    $sudo mount "$@" "$target"
    mounts+=("$target")
  fi
}

# --- 1. host packages --------------------------------------------------------------------
phase_start "host packages"
missing=()
for p in "${host_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing on the host: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
phase_end "${#missing[@]} installed"

# --- binfmt_misc: arm64 executables run through qemu-aarch64-static ----------------------
# Without systemd (containers, CI) nothing registers qemu's handler, so do it here from the
# file the qemu-user-static package ships. Its F flag opens the interpreter now, so it also
# works inside the chroot, which has no qemu of its own.
binfmt=/proc/sys/fs/binfmt_misc
if [ ! -e "$binfmt/register" ]; then
  $sudo mount -t binfmt_misc binfmt_misc "$binfmt" ||
    die "cannot mount binfmt_misc at $binfmt (a container without it cannot run arm64 programs)"
fi
if [ ! -e "$binfmt/qemu-aarch64" ]; then
  conf=/usr/lib/binfmt.d/qemu-aarch64.conf
  [ -r "$conf" ] || die "$conf missing: is qemu-user-static installed?"
  grep -v '^#' "$conf" | $sudo tee "$binfmt/register" >/dev/null || die "registering $conf failed"
fi
grep -q '^enabled' "$binfmt/qemu-aarch64" || die "the qemu-aarch64 binfmt handler is disabled"

# --- 2. the arm64 root ---------------------------------------------------------------------
# The stamp lists the suite and the packages the root holds; a root that holds every package
# this run needs is reused, one that lacks some gets them added (the union is installed).
have=()
if [ -f "$stamp" ]; then read -r -a have < "$stamp"; fi
lacking=()
if [ "${have[0]:-}" = "$suite" ]; then
  for p in "${root_packages[@]}"; do
    [[ " ${have[*]:1} " == *" $p "* ]] || lacking+=("$p")
  done
  root_packages=("${have[@]:1}" "${lacking[@]}")
else
  lacking=("${root_packages[@]}")
fi
want_stamp="$suite ${root_packages[*]}"
if [ ${#lacking[@]} -eq 0 ]; then
  say "reusing the complete arm64 root $arm_root"
else
  if [ ! -x "$arm_root/usr/bin/apt-get" ] || [ ! -e "$arm_root/.bramble-debootstrap-done" ]; then
    phase_start "debootstrap"
    [ ! -e "$arm_root" ] || { say "removing the incomplete root $arm_root"; $sudo rm -rf --one-file-system "$arm_root"; }
    $sudo mkdir -p "$(dirname "$arm_root")"
    $sudo debootstrap --arch=arm64 --variant=minbase "$suite" "$arm_root" "$mirror" \
      > "$(dirname "$arm_root")/debootstrap.log" 2>&1 ||
      { tail -20 "$(dirname "$arm_root")/debootstrap.log" >&2; die "debootstrap failed (log: $(dirname "$arm_root")/debootstrap.log)"; }
    $sudo touch "$arm_root/.bramble-debootstrap-done"
    phase_end
  fi
  phase_start "apt in root"
  $sudo rm -f "$stamp"
  mount_in_root /proc -t proc proc
  mount_in_root /dev --bind /dev
  $sudo cp /etc/resolv.conf "$arm_root/etc/resolv.conf" 2>/dev/null || true
  $sudo chroot "$arm_root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    DEBIAN_FRONTEND=noninteractive sh -c \
    "apt-get update -q && apt-get install -y -q --no-install-recommends ${root_packages[*]} && apt-get clean" \
    > "$(dirname "$arm_root")/apt-in-root.log" 2>&1 ||
    { tail -20 "$(dirname "$arm_root")/apt-in-root.log" >&2; die "apt-get in the root failed (log: $(dirname "$arm_root")/apt-in-root.log)"; }
  $sudo umount "$arm_root/dev" "$arm_root/proc" && mounts=()
  # The cross linker and compiler read the root from the host, where an absolute link (libmpi.so,
  # libblas.so.3 through /etc/alternatives, *.pc) names the host's own file: make every one
  # relative, so that it resolves inside the root both from the host and in the chroot.
  fixed=0
  while IFS= read -r -d '' link; do
    target=$(readlink "$link")
    [[ $target == /* ]] || continue
    rel=$(realpath -m -s --relative-to="$(dirname "$link")" "$arm_root$target")
    $sudo ln -sfn "$rel" "$link"
    fixed=$((fixed + 1))
  done < <($sudo find "$arm_root/usr" "$arm_root/etc/alternatives" -xdev -type l -print0)
  echo "$want_stamp" | $sudo tee "$stamp" >/dev/null
  phase_end "$($sudo chroot "$arm_root" dpkg-query -W -f='.\n' 2>/dev/null | wc -l) packages, $fixed links made relative"
fi

[ $root_only = 0 ] || { say "the root is ready: $arm_root"; exit 0; }

# --- 3. cross build on the host --------------------------------------------------------------
phase_start "cross build"
cd "$root"
# ccache, as in scripts/setup.sh: a machine that ran CI before rebuilds only what changed.
export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
if [ $all = 1 ]; then micro=ON targets=(all); else micro=OFF targets=(bramble_arch_targets); fi
BRAMBLE_ARM64_ROOT=$arm_root cmake --preset arm64 -DBRAMBLE_BUILD_MICRO=$micro >/dev/null
cmake --build --preset arm64 -j "$(nproc)" --target "${targets[@]}"
# Every include directory must lie in the root: a host path would mean an x86-64 header.
if grep -oE -- '-I[^ ]+|-isystem [^ ]+' build/arm64/build.ninja | sed 's/^-isystem /-I/' | sort -u |
     grep -vE -- "^-I($arm_root/|$root/|/usr/aarch64-linux-gnu/|/usr/lib/gcc-cross/)" | grep . ; then
  die "the arm64 build uses include directories outside the root (above)"
fi
# The program must be an aarch64 ELF file (e_machine 183 at byte 18).
bramble_exe=$(find build/arm64 -name bramble -type f -perm -u+x | head -1)
[ -n "$bramble_exe" ] && [ "$(od -An -tu2 -j18 -N2 "$bramble_exe" | tr -d ' ')" = 183 ] ||
  die "no aarch64 bramble executable in build/arm64"
phase_end

# --- 4. ctest inside the root ----------------------------------------------------------------
phase_start "ctest (emulated)"
# The root bound onto itself first, so that / is a mount point inside the chroot: a test that
# makes a private mount namespace (faults.full_disk) must change /'s propagation.
mount_in_root "" --bind "$arm_root"
mount_in_root /proc -t proc proc
mount_in_root /sys --bind /sys
mount_in_root /dev --bind /dev
mount_in_root /dev/pts --bind /dev/pts
mount_in_root /dev/shm -t tmpfs -o mode=1777 tmpfs
mount_in_root /run -t tmpfs -o mode=755 tmpfs
mount_in_root /tmp -t tmpfs -o mode=1777 tmpfs
mount_in_root "$root" --bind "$root"
# The native suite's environment (scripts/env.sh), plus: qemu-user lacks process_vm_readv,
# which Open MPI's shared-memory single-copy mode uses (ranks would spin on errno 38); and,
# as in scripts/test.sh, ranks waiting on an oversubscribed machine yield the core.
env_vars=(PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb
          OMPI_MCA_rmaps_base_oversubscribe=1 OPENBLAS_NUM_THREADS=1
          OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_mpi_yield_when_idle=1)
if [ "$(id -u)" = 0 ]; then env_vars+=(OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1); fi
if [ $all = 1 ]; then subset=(); else subset=(-L arch); fi
log=$root/build/arm64/ctest.log
rc=0
$sudo chroot "$arm_root" /usr/bin/env -i "${env_vars[@]}" \
  sh -c 'cd "$1" && shift && . scripts/env.sh && exec ctest --preset arm64 "$@"' sh "$root" "${subset[@]}" "$@" \
  > >(tee "$log") 2>&1 || rc=$?
phase_end "exit $rc"
[ $rc -eq 0 ] || say "FAILED: arm64 tests failed under emulation (ctest exit $rc)"
skips=0
"$root/scripts/check-skips.sh" "$log" aarch64 || skips=$?

# --- 5. the aarch64 result file, read by the native build ------------------------------------
# What a Pi user does: the file written on the Pi shown and compared on the x86 server.
xarch=0
foreign=$root/build/arm64/xarch/aarch64.h5
if [ -f "$foreign" ]; then
  phase_start "cross-architecture file"
  native_bramble=$root/build/ci/bramble native=$root/build/ci/xarch/$(uname -m).h5
  if [ ! -x "$native_bramble" ]; then
    say "no native build at build/ci (scripts/test.sh makes it): the aarch64 file is not checked"
    xarch=1
  else
    . "$root/scripts/env.sh"
    # The native file comes from the native suite's xarch.write.np2; written here if missing.
    [ -f "$native" ] || BRAMBLE=$native_bramble MPIEXEC=mpiexec "$root/tests/xarch/write.sh" "$native" >/dev/null || xarch=$?
    [ $xarch -ne 0 ] || "$root/tests/xarch/check_native.sh" "$native_bramble" "$foreign" "$native" || xarch=$?
  fi
  phase_end "exit $xarch"
elif [ $rc -eq 0 ] && [ $# -eq 0 ]; then
  say "FAILED: the arm64 suite wrote no $foreign"
  xarch=1
fi
[ $rc -eq 0 ] || exit $rc
[ $skips -eq 0 ] || exit $skips
exit $xarch
