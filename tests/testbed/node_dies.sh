#!/usr/bin/env bash
# A node dies mid-suite. Four nodes run an HPL.dat sweep of two cases, a quick one and a
# long one, each recorded as it finishes; once the quick one is in the result file, every
# process on n3 is killed at once. Then: mpirun ends within a bound with a non-zero exit;
# the result file holds the finished case, intact, readable and PASSED, and nothing else;
# no temporary file is left beside it; no rank or daemon lingers on the surviving nodes.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bound=30   # seconds from the death to mpirun's exit
dir=$TB_OUT/node-dies
out=$dir/result.h5
rm -rf "$dir"
mkdir -p "$dir"

# N=400 takes a second or two; N=4000 tens of seconds (4 ranks on 2 shared cores).
cat >"$dir/HPL.dat" <<'DAT'
HPLinpack benchmark input file
bramble node_dies.sh: a quick case, then a long one
HPL.out      output file name (if any)
6            device out (6=stdout,7=stderr,file)
2            # of problems sizes (N)
400 4000     Ns
1            # of NBs
32           NBs
0            PMAP process mapping (0=Row-,1=Column-major)
1            # of process grids (P x Q)
2            Ps
2            Qs
16.0         threshold
1            # of panel fact
2            PFACTs (0=left, 1=Crout, 2=Right)
1            # of recursive stopping criterium
4            NBMINs (>= 1)
1            # of panels in recursion
2            NDIVs
1            # of recursive panel fact.
1            RFACTs (0=left, 1=Crout, 2=Right)
1            # of broadcast
1            BCASTs (0=1rg,1=1rM,2=2rg,3=2rM,4=Lng,5=LnM)
1            # of lookahead depth
1            DEPTHs (>=0)
2            SWAP (0=bin-exch,1=long,2=mix)
64           swapping threshold
0            L1 in (0=transposed,1=no-transposed) form
0            U  in (0=transposed,1=no-transposed) form
1            Equilibration (0=no,1=yes)
8            memory alignment in double (> 0)
DAT

tb_mpirun -n 4 --map-by node "$BRAMBLE" run hpl --hpl-dat "$dir/HPL.dat" --power off --out "$out" \
  >"$dir/mpirun.log" 2>&1 &
mpirun_pid=$!
show_log() { echo "--- mpirun's output:"; cat "$dir/mpirun.log"; echo "---"; }
trap 'kill -9 $mpirun_pid 2>/dev/null || true' EXIT

# The file appears when the first case is appended (atomically: never half-written).
for _ in $(seq 600); do
  [ -e "$out" ] && break
  kill -0 "$mpirun_pid" 2>/dev/null || { show_log; fail "mpirun ended before the first case was recorded"; }
  sleep 0.1
done
[ -e "$out" ] || { show_log; fail "no case recorded within 60 s"; }
kill -0 "$mpirun_pid" 2>/dev/null || { show_log; fail "mpirun ended before n3 could be killed: the long case was too short"; }

"$TESTBED/testbed.sh" kill n3
died=$(now_us)
for _ in $(seq $((bound * 10))); do
  kill -0 "$mpirun_pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$mpirun_pid" 2>/dev/null; then
  show_log
  fail "mpirun still running $bound s after n3 died"
fi
set +e
wait "$mpirun_pid"
rc=$?
set -e
trap - EXIT
show_log
echo "mpirun exited $rc, $(since "$died") s after n3 died"
[ "$rc" != 0 ] || fail "mpirun exited 0 although a node died"

kernels=$(file_kernels "$out") || fail "bramble show cannot read $out after the fault"
echo "recorded: $kernels"
[ "$kernels" = "hpl N=400 NB=32 2x2 spread-roll PASSED" ] ||
  fail "the result file should hold exactly the case finished before the fault (hpl N=400 NB=32 2x2 spread-roll PASSED: SWAP 2 runs as spread-roll)"
"$BRAMBLE" show "$out" >/dev/null || fail "bramble show (table) cannot read $out"

left=$(find "$dir" -name '*.tmp-*' -o -name '*.probe-*' -o -name '*.lock')
[ -z "$left" ] || fail "temporary files left beside the result file: $left"

# The daemons and ranks on the nodes that lived are gone too (mpirun kills them on abort).
for _ in $(seq 50); do
  busy=""
  for node in $("$TESTBED/testbed.sh" nodes); do
    [ -z "$(ip netns pids "$(tb_ns "$node")")" ] || busy+=" $node"
  done
  [ -n "$busy" ] || break
  sleep 0.2
done
[ -z "$busy" ] || fail "processes still running 10 s after mpirun ended on:$busy"
echo "ok: bounded non-zero exit, the finished case intact, no temporary files, no stray processes"
