#!/usr/bin/env bash
# SIGTERM to mpiexec before any kernel has finished: non-zero exit within 20 s, no result
# file at all (none existed), no temporary or lock file, and the line says nothing was written.
. "$(dirname "$0")/common.sh"
scratch interrupt-early
# Open MPI's default grace between its SIGTERM and SIGKILL to the ranks (1 s), in which rank
# 0 cleans up; with 0 (as the bad-input matrix sets, for speed) ranks die before they can.
export OMPI_MCA_odls_base_sigkill_timeout=1
f=$dir/r.h5
"$MPIEXEC" -n 2 "$BRAMBLE" run stencil --nx 64 --ny 48 --steps 5 --power off --min-phase-seconds 5 \
  --out "$f" >"$dir/log" 2>&1 &
job=$!
wait_for "$f.lock" 60 "$job" || { cat "$dir/log"; fail "the run never took the lock"; }
sleep 1
kill -TERM "$job"
wait_gone "$job" 20 || { kill -KILL "$job"; fail "mpiexec still running 20 s after SIGTERM"; }
wait "$job"
rc=$?
cat "$dir/log"
[ "$rc" != 0 ] || fail "mpiexec exited 0 after SIGTERM"
line="^bramble: interrupted by SIGTERM after 0 of 1 kernel; nothing was written to $f\$"
[ "$(grep -c -E -e "$line" "$dir/log")" = 1 ] || fail "expected once: $line"
[ ! -e "$f" ] || fail "$f exists"
no_leftovers "$f"
echo "ok: nothing written, nothing left"
