#!/usr/bin/env bash
# The testbed fixtures' setup and cleanup (tests/testbed/CMakeLists.txt):
#   fixture.sh up K [SHAPE...]   bring the testbed up (exit 77: this machine cannot)
#   fixture.sh down              tear it down, then check that nothing is left behind:
#                                no namespace, /etc/netns directory, state or process
set -euo pipefail
: "${TESTBED:?TESTBED must name scripts/testbed}"
. "$TESTBED/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/skip_under_emulation.sh"
case ${1:-} in
  up)
    shift
    if ! why=$("$TESTBED/testbed.sh" can-run); then
      echo "skipped: $why"
      exit 77
    fi
    "$TESTBED/testbed.sh" up "$@"
    "$TESTBED/testbed.sh" status
    ;;
  down)
    "$TESTBED/testbed.sh" down
    left=$(ip netns list 2>/dev/null | awk '{print $1}' | grep "^$TB_PREFIX-" || true)
    [ -z "$left" ] || { echo "FAIL: namespaces left after down: $left"; exit 1; }
    left=$(find /etc/netns -maxdepth 1 -name "$TB_PREFIX-*" 2>/dev/null || true)
    [ -z "$left" ] || { echo "FAIL: /etc/netns entries left after down: $left"; exit 1; }
    [ ! -e "$TB_STATE" ] || { echo "FAIL: $TB_STATE left after down"; exit 1; }
    # A veth whose namespace lingers (held by a process) would still show in the bridge's
    # namespace, which is gone; in the root namespace no testbed interface may appear.
    left=$(ip -o link show | grep -E ": (n[0-9]+|br0)[@:]" || true)
    [ -z "$left" ] || { echo "FAIL: testbed interfaces in the root namespace: $left"; exit 1; }
    echo "testbed down: no namespace, /etc/netns entry, state directory or interface left"
    ;;
  *) echo "usage: fixture.sh up K [SHAPE...] | down"; exit 2 ;;
esac
