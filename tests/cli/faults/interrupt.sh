#!/usr/bin/env bash
# SIGINT or SIGTERM to mpiexec in the middle of a run (issue 10 §4), once a first result is
# in the file and more work is running. mpiexec must end within 20 s with a non-zero exit;
# the file must hold what finished, readable; no temporary or lock file may remain; rank 0
# says once that the run was interrupted and how far it got.
#   INT:  Ctrl-C as a terminal sends it, to mpiexec's whole process group, during `run all`
#         (HPL, the first kernel, finished; STREAM running).
#   TERM: `kill` to mpiexec alone, during one HPL kernel of two problem sizes from an HPL.dat
#         (the small one finished, the large one running): a kernel stopped midway.
. "$(dirname "$0")/common.sh"
sig=${1:?INT or TERM}
# Open MPI's default grace between its SIGTERM and SIGKILL to the ranks (1 s), in which rank
# 0 cleans up; with 0 (as the bad-input matrix sets, for speed) ranks die before they can.
export OMPI_MCA_odls_base_sigkill_timeout=1
scratch "interrupt-$sig"
f=$dir/r.h5
if [ "$sig" = INT ]; then
  # --min-phase-seconds: STREAM runs for 3 s at least, so it is surely running.
  args=(run all --quick --power off --min-phase-seconds 3)
  # Under emulation (BRAMBLE_TEST_EMULATED=1) HPL's --quick size alone takes a quarter of an
  # hour: the same four kernels in the same order, HPL small. The command line, which `show`
  # prints, then names stream: look for its kernel row instead.
  if [ "${BRAMBLE_TEST_EMULATED:-0}" = 1 ]; then
    args=(run --quick --power off --min-phase-seconds 3 hpl --n 480 stream stencil render)
  fi
  line="^bramble: interrupted by SIG(INT|TERM) after 1 of 4 kernels; the finished ones are in $f\$"
  finished='hpl .*PASSED' unfinished='stream '
  [ "${BRAMBLE_TEST_EMULATED:-0}" = 1 ] && unfinished='^ *stream +N='
else
  sed -e 's/^4 .*# of problems sizes.*/2            # of problems sizes (N)/' \
      -e 's/^29 30 34 35 .*/200 8000     Ns/' -e 's/^4 .*# of NBs/1            # of NBs/' -e 's/^1 2 3 4 .*NBs/64           NBs/' \
      -e 's/^3 .*# of process grids.*/1            # of process grids (P x Q)/' \
      -e 's/^2 1 4 .*Ps/1            Ps/' -e 's/^2 4 1 .*Qs/2            Qs/' "$(dirname "$0")/../../data/HPL.dat" >"$dir/HPL.dat"
  args=(run hpl --hpl-dat "$dir/HPL.dat" --power off)
  line="^bramble: interrupted by SIGTERM after 0 of 1 kernel \\(1 result written\\); the finished ones are in $f\$"
  finished='hpl +N=200 .*PASSED' unfinished='N=8000'
fi
set -m  # the background job gets a process group of its own, with SIGINT not ignored
"$MPIEXEC" -n 2 "$BRAMBLE" "${args[@]}" --out "$f" >"$dir/log" 2>&1 &
job=$!
set +m
wait_for "$f" 150 "$job" || { cat "$dir/log"; fail "no first result within 150 s"; }
sleep 0.5
if [ "$sig" = INT ]; then kill -INT -- "-$job"; else kill -TERM "$job"; fi
start=$(date +%s%N)
if ! wait_gone "$job" 20; then
  kill -KILL -- "-$job"
  fail "mpiexec still running 20 s after SIG$sig"
fi
wait "$job"
rc=$?
took_ms=$((($(date +%s%N) - start) / 1000000))
cat "$dir/log"
echo "mpiexec exited $rc, $took_ms ms after SIG$sig"
[ "$rc" != 0 ] || fail "mpiexec exited 0 after SIG$sig"
[ "$(grep -c -E -e "$line" "$dir/log")" = 1 ] || fail "expected once: $line"
[ "$(grep -c 'interrupted by' "$dir/log")" = 1 ] || fail "more than one 'interrupted' line"
"$MPIEXEC" -n 1 "$BRAMBLE" show "$f" >"$dir/show" 2>&1 || { cat "$dir/show"; fail "$f is not readable"; }
cat "$dir/show"
grep -q -E -e "$finished" "$dir/show" || fail "the finished result is not in $f"
grep -q -e "$unfinished" "$dir/show" && fail "the interrupted work is in $f"
no_leftovers "$f"
if pgrep -g "$job" >/dev/null; then fail "processes of the job are left: $(pgrep -a -g "$job")"; fi
echo "ok: SIG$sig ended the run, $f holds what finished"
