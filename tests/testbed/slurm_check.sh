#!/usr/bin/env bash
# scripts/slurm/bramble.sbatch without Slurm: its shell syntax, its #SBATCH lines (the
# --key=value or --flag forms sbatch reads, all before the first command, where sbatch
# stops looking), and two runs of it as a job would, with a stand-in srun on PATH: one
# that only shows what srun is given, one that launches the real bramble with mpiexec.
set -euo pipefail
: "${BRAMBLE:?}" "${SBATCH_SCRIPT:?}"
fail() { echo "FAIL: $*"; exit 1; }
. "$(dirname "$SBATCH_SCRIPT")/../env.sh"   # mpiexec as root, if root
unset OPENBLAS_NUM_THREADS   # the job script must set it itself
script=$SBATCH_SCRIPT
bash -n "$script" || fail "bash -n: syntax error"

n=0
first_command=$(grep -n -v -E '^[[:space:]]*(#|$)' "$script" | head -n 1 | cut -d: -f1)
while IFS=: read -r line text; do
  n=$((n + 1))
  [[ $text =~ ^#SBATCH\ --[a-z][a-z-]*(=[^[:space:]]+)?$ ]] || fail "line $line is not '#SBATCH --key=value' or '#SBATCH --flag': $text"
  [ "$line" -lt "$first_command" ] || fail "line $line: #SBATCH after the first command (line $first_command) is ignored by sbatch"
done < <(grep -n '^#SBATCH' "$script")
[ "$n" -ge 3 ] || fail "only $n #SBATCH lines"
grep -q '^#SBATCH --hint=nomultithread$' "$script" || fail "no --hint=nomultithread: ranks would land on hyperthreads"
echo "ok: $n #SBATCH lines, all before line $first_command"

job=$(mktemp -d)
trap 'rm -rf "$job"' EXIT
mkdir -p "$job/bin"
cat >"$job/bin/srun" <<'FAKE'
#!/bin/sh
echo "srun $* OPENBLAS_NUM_THREADS=$OPENBLAS_NUM_THREADS"
FAKE
chmod +x "$job/bin/srun"
export SLURM_SUBMIT_DIR=$job SLURM_JOB_ID=4242 SLURM_JOB_NAME=bramble SLURM_NTASKS=2

got=$(cd / && PATH=$job/bin:$PATH BRAMBLE=/opt/bramble "$script")
echo "$got"
grep -q -x "srun --cpu-bind=cores /opt/bramble run all --out $job/results/bramble-bramble-4242.h5 --quick OPENBLAS_NUM_THREADS=1" <<<"$got" ||
  fail "srun was not given one rank per core, the quick suite, results/bramble-<name>-<job>.h5, one BLAS thread"
got=$(PATH=$job/bin:$PATH BRAMBLE=/opt/bramble BRAMBLE_KERNEL=hpl BRAMBLE_QUICK=0 BRAMBLE_SRUN_MPI=pmix "$script")
grep -q -x "srun --mpi=pmix --cpu-bind=cores /opt/bramble run hpl --out $job/results/bramble-bramble-4242.h5 OPENBLAS_NUM_THREADS=1" <<<"$got" ||
  fail "BRAMBLE_KERNEL, BRAMBLE_QUICK=0 or BRAMBLE_SRUN_MPI not applied: $got"
if BRAMBLE_LAUNCHER="qsub" "$script" >/dev/null 2>&1; then fail "an unknown launcher was accepted"; fi

# The real thing: srun stands in as mpiexec with two ranks, dropping srun's own options.
cat >"$job/bin/srun" <<FAKE
#!/bin/sh
while [ "\${1#--}" != "\$1" ]; do shift; done
exec ${MPIEXEC:-mpiexec} -n 2 "\$@"
FAKE
PATH=$job/bin:$PATH BRAMBLE_KERNEL=stencil BRAMBLE_QUICK=0 BRAMBLE_ARGS="--nx 64 --ny 48 --steps 5 --power off" \
  "$script" | tee "$job/log"
grep -q "stencil 2D r=1 64x48 .*PASSED" "$job/log" || fail "the job's stencil run did not pass"
[ -s "$job/results/bramble-bramble-4242.h5" ] || fail "no result file in the job's results/"
grep -q ',stencil,' <<<"$("$BRAMBLE" show "$job/results/bramble-bramble-4242.h5" --format csv)" || fail "the result file holds no stencil run"
echo "ok: the job script runs bramble with one rank per core and writes results/bramble-<name>-<job>.h5"
