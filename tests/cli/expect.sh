#!/usr/bin/env bash
# Runs the real `bramble` under mpiexec and checks what a user would see.
#
#   expect.sh RANKS EXIT REGEX [--once] [--also REGEX]... [--absent PATH] [--unchanged PATH]
#             [--before CMD] -- ARGS...
#
# EXIT is the exit code expected; REGEX must match the combined output (with --once, on
# exactly one line: one message, from rank 0 only); each --also REGEX must match it too (one
# run checked several ways instead of the same run twice). --absent: PATH must not exist after the
# run (no partial result file). --unchanged: PATH's bytes must be the same after the run.
# --before: a shell command run first (to make a FIFO, a symlink, a read-only file).
# A hang is caught by the ctest TIMEOUT.
set -u
ranks=$1 want=$2 regex=$3
shift 3
once=0 absent="" unchanged="" before_cmd="" also=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case $1 in
    --once) once=1; shift ;;
    --also) also+=("$2"); shift 2 ;;
    --absent) absent=$2; shift 2 ;;
    --unchanged) unchanged=$2; shift 2 ;;
    --before) before_cmd=$2; shift 2 ;;
    -) shift ;;
    *) echo "expect.sh: bad option $1"; exit 99 ;;
  esac
done
[ $# -gt 0 ] || { echo "expect.sh: missing -- before the bramble arguments"; exit 99; }
shift
[ -z "$before_cmd" ] || sh -c "$before_cmd" || { echo "expect.sh: --before command failed: $before_cmd"; exit 99; }
before=""
[ -n "$unchanged" ] && before=$(sha256sum "$unchanged")
out=$("${MPIEXEC:-mpiexec}" -n "$ranks" "$BRAMBLE" "$@" 2>&1)
got=$?
echo "$out"
fail() { echo "expect.sh: FAIL: $*"; exit 1; }
[ "$got" = "$want" ] || fail "exit code $got, expected $want"
hits=$(printf '%s\n' "$out" | grep -E -c -e "$regex")
[ "$hits" -ge 1 ] || fail "output does not match /$regex/"
[ "$once" = 0 ] || [ "$hits" = 1 ] || fail "/$regex/ printed $hits times, expected once"
for r in "${also[@]}"; do
  printf '%s\n' "$out" | grep -E -q -e "$r" || fail "output does not match /$r/"
done
[ -z "$absent" ] || [ ! -e "$absent" ] || fail "$absent exists after a failed run"
[ -z "$unchanged" ] || [ "$before" = "$(sha256sum "$unchanged")" ] || fail "$unchanged was modified"
exit 0
