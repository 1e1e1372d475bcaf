# shellcheck shell=bash
# Sourced by fixture.sh and on_testbed.sh: under emulation (the arm64 suite,
# BRAMBLE_TEST_EMULATED=1) every testbed test is skipped (exit 77) with the reason. Tried: with
# the chroot's / made a mount point, namespaces can be made and entered, but the arm64 `ip`
# cannot make a bridge or a veth there ("Cannot talk to rtnetlink: Operation not supported"):
# qemu-user translates only part of rtnetlink.
if [ "${BRAMBLE_TEST_EMULATED:-0}" = 1 ]; then
  echo "skipped: the namespace testbed does not run under emulation (qemu-user translates only part of rtnetlink: the arm64 ip cannot make the testbed's bridge and veths)"
  exit 77
fi
