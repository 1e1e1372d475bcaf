# Shared by the comparison scripts in this folder (sourced, not run).
# bramble_prepare: builds the release preset, sets the MPI environment, and gives
# $bramble (the executable) and $work (a temporary folder removed on exit).
bramble_prepare() {
  "$root/scripts/setup.sh" release >/dev/null
  . "$root/scripts/env.sh"
  bramble="$root/build/release/bramble"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}

# best A B: the larger of two numbers (rounds keep the best of each figure).
best() { awk -v a="$1" -v b="$2" 'BEGIN {print (b > a ? b : a)}'; }

# field UNIT: the number before UNIT (or "UNIT,") in bramble's one-line reports on stdin.
field() {
  awk -v unit="$1" '{for (i = 2; i <= NF; ++i) if ($i == unit || $i == unit ",") {print $(i-1); exit}}'
}
