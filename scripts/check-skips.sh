#!/usr/bin/env bash
# check-skips.sh CTEST_LOG [MACHINE]: lists the tests that ctest reported skipped in CTEST_LOG
# (its output, as tee'd by scripts/test.sh and scripts/test-arm64.sh), each with the reason
# tests/skips-allowed.txt gives for it, and fails when a skipped test is not allowed there for
# MACHINE (default: `uname -m`; the arm64 suite passes aarch64). A skip is a test that did not
# prove anything: each one is either expected and explained, or a defect.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
log=$1 machine=${2:-$(uname -m)}
allowlist=$root/tests/skips-allowed.txt
[ -r "$log" ] || { echo "check-skips: cannot read $log" >&2; exit 2; }

mapfile -t skipped < <(sed -n 's/^[[:space:]]*[0-9][0-9]* - \([^ ]*\) (Skipped)$/\1/p' "$log")
trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; echo "${s%"${s##*[![:space:]]}"}"; }
reason_for() {  # the allowlist's reason for test $1 on $machine, or nothing
  local name=$1 pattern machines why
  while IFS='|' read -r pattern machines why; do
    pattern=$(trim "$pattern") machines=$(trim "$machines")
    [ -n "$pattern" ] && [[ $pattern != \#* ]] || continue
    if [[ $name =~ ^($pattern)$ ]] && [[ $machine =~ ^($machines)$ ]]; then
      trim "$why"
      return
    fi
  done < "$allowlist"
}
bad=0
echo "check-skips: ${#skipped[@]} test(s) skipped on $machine"
for name in "${skipped[@]}"; do
  why=$(reason_for "$name")
  if [ -n "$why" ]; then
    echo "  skipped  $name: $why"
  else
    echo "  NOT ALLOWED  $name: skipped, and tests/skips-allowed.txt gives no reason for it on $machine"
    bad=1
  fi
done
[ $bad = 0 ] || { echo "check-skips: FAILED: a test skipped that should have run (its output says why)"; exit 1; }
