#!/usr/bin/env bash
# Two runs on one result file (issue 10 §5): while a run writes F, a second run on F refuses
# before any kernel, naming the holder exactly as F.lock does (host, pid, since), and exits 5;
# the first run then finishes with all its results in F and leaves nothing beside it.
. "$(dirname "$0")/common.sh"
scratch lock-held
f=$dir/r.h5
# HPL at N=4000: some seconds, long enough for the second run to start while it writes;
# under emulation (BRAMBLE_TEST_EMULATED=1) N=1000, some seconds there.
n=4000
[ "${BRAMBLE_TEST_EMULATED:-0}" = 1 ] && n=1000
"$MPIEXEC" -n 2 "$BRAMBLE" run hpl --n "$n" --nb 128 --power off --out "$f" >"$dir/first.log" 2>&1 &
first=$!
wait_for "$f.lock" 60 "$first" || { cat "$dir/first.log"; fail "the first run never took the lock"; }
sleep 0.2  # the holder's words follow its flock() at once
holder=$(cat "$f.lock")
echo "F.lock: $holder"
case $holder in
  "host $(hostname), pid "[0-9]*", since 20"*Z) ;;
  *) fail "F.lock does not say host, pid and since: '$holder'" ;;
esac
second=$("$MPIEXEC" -n 2 "$BRAMBLE" run stream --stream-n 100000 --stream-iterations 3 --out "$f" 2>&1)
rc=$?
echo "$second"
[ "$rc" = 5 ] || fail "the second run exited $rc, expected 5"
want="bramble: error: $f is being written by another bramble run ($holder)"
[ "$(printf '%s\n' "$second" | grep -c -F -x -e "$want")" = 1 ] || fail "expected once: $want"
printf '%s\n' "$second" | grep -q 'stream .*PASSED' && fail "the second run ran its kernel"
wait "$first"
rc=$?
cat "$dir/first.log"
[ "$rc" = 0 ] || fail "the first run exited $rc"
shown=$("$MPIEXEC" -n 1 "$BRAMBLE" show "$f" 2>&1)  # whole: a pipe closed early upsets mpiexec
printf '%s\n' "$shown" | grep -q "hpl .*N=$n .*PASSED" || fail "the first run's result is not in $f"
[ "$(runs_in "$f")" = 1 ] || fail "$f should hold exactly the first run"
no_leftovers "$f"
echo "ok: the second run refused, the first run's results are all in $f"
