#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (ctest, ending with its summary).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh" ci
. "$root/scripts/env.sh"
cd "$root"
ctest --preset ci "$@"
