# shellcheck shell=bash
# Helpers for the testbed tests; sourced. The tests run under on_testbed.sh with BRAMBLE
# (the executable), TESTBED (scripts/testbed) and TB_OUT (a directory for their files) set.
set -euo pipefail
: "${BRAMBLE:?BRAMBLE must name the bramble executable}" "${TESTBED:?}" "${TB_OUT:?}"
. "$TESTBED/../env.sh"
. "$TESTBED/lib.sh"   # TB_PREFIX, tb_ns
mkdir -p "$TB_OUT"

fail() { echo "FAIL: $*"; exit 1; }

# mpirun across the testbed; output to the log and the test's output.
tb_mpirun() { "$TESTBED/mpirun.sh" "$@"; }

# The hostnames a result file's per-node records name, sorted, one line, space-separated.
file_hosts() {
  "$BRAMBLE" show "$1" --format json | jq -r '[.runs[].context.nodes[].hostname] | sort | join(" ")'
}

# The verification object of the first kernel in a result file, as JSON text on one line
# (jq writes each number in the fewest digits that read back as the same double).
file_verification() {
  "$BRAMBLE" show "$1" --format json | jq -c '.runs[0].kernels[0].verification'
}

# Every kernel recorded in a result file: "KERNEL PROBLEM VERDICT" lines, from the CSV rows.
file_kernels() {
  "$BRAMBLE" show "$1" --format csv | awk -F, 'NR > 1 {print $8, $9, $14}'
}

# Wall-clock timing without bc: now_us is microseconds; since START prints seconds.
now_us() { echo "${EPOCHREALTIME/[.,]/}"; }
since() {
  local d=$(($(now_us) - $1))
  printf '%d.%02d' $((d / 1000000)) $((d % 1000000 / 10000))
}

# must_pass WHAT COMMAND...: runs COMMAND (a bramble run), shows its output, and fails the
# test unless it exits 0 and prints a PASSED verdict; prints how long it took.
must_pass() {
  local what=$1 start rc out
  shift
  start=$(now_us)
  set +e
  out=$("$@" 2>&1)
  rc=$?
  set -e
  echo "$out"
  echo "($what: exit $rc after $(since "$start") s)"
  [ "$rc" = 0 ] || fail "$what: exit $rc"
  grep -q "PASSED" <<<"$out" || fail "$what: no PASSED verdict"
}
