# Shared by the fault scripts (sourced): a scratch directory per test, failing with a
# reason, and checks on what a run leaves beside its result file.
set -u
: "${BRAMBLE:?}" "${MPIEXEC:?}" "${OUT:?}"
fail() {
  echo "FAIL: $*"
  exit 1
}
skip() {
  echo "skipped: $*"
  exit 77
}
# scratch NAME: a fresh empty directory under $OUT, in $dir.
scratch() {
  dir=$OUT/$1
  rm -rf "$dir"
  mkdir -p "$dir" || fail "cannot make $dir"
}
# no_leftovers FILE: no temporary, probe or lock file beside FILE.
no_leftovers() {
  for extra in "$1".tmp-* "$1".probe-* "$1".lock; do
    [ ! -e "$extra" ] || fail "$extra left behind"
  done
}
# runs_in FILE: how many runs FILE holds (distinct run groups in the CSV report).
runs_in() {
  local csv
  csv=$("$MPIEXEC" -n 1 "$BRAMBLE" show "$1" --format csv 2>&1)  # whole: mpiexec must not see a closed pipe
  printf '%s\n' "$csv" | tail -n +2 | cut -d, -f2 | sort -u | grep -c '^run-'
}
# wait_gone PID SECONDS: 0 once PID has ended, 1 if it is still running after SECONDS.
wait_gone() {
  local i
  for i in $(seq $(($2 * 10))); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
  ! kill -0 "$1" 2>/dev/null
}
# wait_for PATH SECONDS PID: 0 once PATH exists; 1 after SECONDS, or as soon as PID has ended.
wait_for() {
  local i
  for i in $(seq $(($2 * 10))); do
    [ -e "$1" ] && return 0
    kill -0 "$3" 2>/dev/null || { [ -e "$1" ]; return; }
    sleep 0.1
  done
  [ -e "$1" ]
}
