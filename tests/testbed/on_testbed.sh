#!/usr/bin/env bash
# on_testbed.sh K [SHAPE...] -- COMMAND...: runs COMMAND with a testbed of K nodes shaped as
# SHAPE (testbed.sh up's arguments) up. The fixture's setup brought it up already unless
# another fixture's tests ran in between (ctest keeps one testbed test at a time, not their
# order), so it is brought up again if what is up differs. Exit 77 (skipped) where this
# machine cannot host a testbed (not root, no network namespaces).
set -euo pipefail
: "${TESTBED:?TESTBED must name scripts/testbed}"
spec=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do spec+=("$1"); shift; done
[ $# -gt 1 ] || { echo "usage: on_testbed.sh K [SHAPE...] -- COMMAND..."; exit 2; }
shift
. "$(dirname "${BASH_SOURCE[0]}")/skip_under_emulation.sh"
if ! why=$("$TESTBED/testbed.sh" can-run); then
  echo "skipped: $why"
  exit 77
fi
"$TESTBED/testbed.sh" ensure "${spec[@]}"
exec "$@"
