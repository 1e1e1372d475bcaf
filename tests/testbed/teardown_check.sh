#!/usr/bin/env bash
# `testbed.sh down` while ranks are running on the nodes (as after a test that failed or
# hung): the ranks and daemons are killed, mpirun ends, and no namespace, /etc/netns
# entry, state directory or interface is left behind (fixture.sh down checks those).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tb_mpirun -n 2 --map-by node "$BRAMBLE" run hpl --n 6000 --power off --out "$TB_OUT/teardown.h5" \
  >"$TB_OUT/teardown.log" 2>&1 &
mpirun_pid=$!
trap 'kill -9 $mpirun_pid 2>/dev/null || true' EXIT
# Wait for a rank on n2: then both nodes are busy.
for _ in $(seq 300); do
  grep -q . <<<"$(ip netns pids "$(tb_ns n2)" 2>/dev/null)" && break
  sleep 0.1
done
[ -n "$(ip netns pids "$(tb_ns n2)")" ] || { cat "$TB_OUT/teardown.log"; fail "no process started on n2 within 30 s"; }
sleep 1
"$(dirname "${BASH_SOURCE[0]}")/fixture.sh" down
for _ in $(seq 100); do
  kill -0 "$mpirun_pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$mpirun_pid" 2>/dev/null && fail "mpirun still running 10 s after the testbed went down"
echo "ok: down with ranks running leaves nothing behind"
