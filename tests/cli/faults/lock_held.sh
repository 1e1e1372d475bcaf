#!/usr/bin/env bash
# Two runs on one result file (issue 10 §5): while a run writes F, a second run on F refuses
# before any kernel, naming the holder exactly as F.lock does (host, pid, since), and exits 5;
# the first run then finishes with all its results in F and leaves nothing beside it.
. "$(dirname "$0")/common.sh"
scratch lock-held
f=$dir/r.h5
# The first run holds the lock for 10 s of wall-clock time (a small STREAM repeated until its
# phase has lasted that long), however fast or busy the machine: time enough for the second
# mpiexec to start and reach the lock, where work sized in flops could end first.
"$MPIEXEC" -n 2 "$BRAMBLE" run stream --stream-n 100000 --stream-iterations 3 --min-phase-seconds 10 \
  --power off --out "$f" >"$dir/first.log" 2>&1 &
first=$!
wait_for "$f.lock" 60 "$first" || { cat "$dir/first.log"; fail "the first run never took the lock"; }
# The holder writes its words right after its flock(): wait for them.
for _ in $(seq 100); do
  [ -s "$f.lock" ] && break
  sleep 0.1
done
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
printf '%s\n' "$shown" | grep -q "stream .*PASSED" || fail "the first run's result is not in $f"
[ "$(runs_in "$f")" = 1 ] || fail "$f should hold exactly the first run"
no_leftovers "$f"
echo "ok: the second run refused, the first run's results are all in $f"
