#!/usr/bin/env bash
# Keeps every core busy, so that the test suite can be run as it runs on a busy machine.
# The suite must stay green on a loaded machine (a shared CI runner, a build beside it): a
# test that fails only under load measures the machine, not bramble. This is how that is
# checked, e.g. `scripts/cpu-hog.sh --around scripts/test.sh`.
#
#   cpu-hog.sh [SECONDS] [WORKERS]   WORKERS busy loops (default: one per core, `nproc`) for
#                                    SECONDS (default 900, at most 3600), in the foreground
#   cpu-hog.sh --around COMMAND...   one busy loop per core while COMMAND runs; exits with
#                                    COMMAND's status
#
# The loops are plain shell (nothing to install). Each also ends by itself once this script
# is gone, however it ended (even SIGKILL), so no hog outlives its run.
set -u
usage() {
  echo "usage: $0 [SECONDS] [WORKERS] | $0 --around COMMAND..." >&2
  exit 2
}
whole() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -gt 0 ]; }

loops=() timer="" started=$SECONDS
start_hog() {  # start_hog COUNT
  local i
  for ((i = 0; i < $1; i++)); do
    # Busy between looks at this script's pid: a look costs nothing beside ~100000 additions.
    sh -c 'while kill -0 "$1" 2>/dev/null; do i=0; while [ $i -lt 100000 ]; do i=$((i + 1)); done; done' sh $$ &
    loops+=("$!")
  done
  echo "cpu-hog: $1 busy loops on $(nproc) cores$2"
}
stop_hog() {
  [ ${#loops[@]} -gt 0 ] || return 0
  kill "${loops[@]}" $timer 2>/dev/null
  wait "${loops[@]}" $timer 2>/dev/null
  echo "cpu-hog: stopped ${#loops[@]} busy loops after $((SECONDS - started)) s"
  loops=() timer=""
}
trap stop_hog EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "${1:-}" = --around ]; then
  shift
  [ $# -gt 0 ] || usage
  start_hog "$(nproc)" " around: $*"
  # In the background so that INT and TERM reach this script at once (a foreground command
  # would defer them until it ended), with what a background job loses given back: INT,
  # forwarded to it (the command is stopped first, then the hog), and this script's stdin.
  ( trap - INT; exec "$@" ) <&0 &
  command=$!
  trap 'kill -INT $command 2>/dev/null; wait $command; exit 130' INT
  trap 'kill -TERM $command 2>/dev/null; wait $command; exit 143' TERM
  wait $command
  status=$?
  stop_hog
  exit $status
fi

[ $# -le 2 ] || usage
seconds=${1:-900} workers=${2:-$(nproc)}
if ! whole "$seconds" || ! whole "$workers"; then usage; fi
[ "$seconds" -le 3600 ] || seconds=3600
start_hog "$workers" " for $seconds s"
# Short sleeps, waited for rather than run in the foreground: INT and TERM end the wait at
# once, and a killed script leaves no long sleep behind.
end=$((SECONDS + seconds))
while [ $SECONDS -lt $end ]; do
  sleep 1 &
  timer=$!
  wait $timer
done
stop_hog
