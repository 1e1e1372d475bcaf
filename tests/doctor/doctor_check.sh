#!/usr/bin/env bash
# Runs `bramble doctor` and checks what it found, then what `bramble show` prints of it.
#
#   doctor_check.sh FLAGGED OUT [doctor options...]
#
# FLAGGED: the node names the doctor must flag, comma-separated, and no others ("none":
# no node); "{host}" in it stands for this machine's hostname (pretend nodes are <host>-n<i>).
# OUT: the result file to write. Environment: BRAMBLE (the executable), LAUNCH (how to
# start it, e.g. "mpiexec -n 4", or the testbed's mpirun.sh), DOCTOR_MAX_SECONDS (optional:
# the doctor, mpirun included, must finish within it).
set -u
flagged=${1//\{host\}/$(hostname)}
[ "$flagged" != none ] || flagged=""
out=$2
shift 2
fail() { echo "doctor_check.sh: FAIL: $*"; exit 1; }

rm -f "$out"
start=$(date +%s.%N)
# shellcheck disable=SC2086  # LAUNCH is a command and its words
log=$($LAUNCH "$BRAMBLE" doctor --out "$out" "$@" 2>&1)
got=$?
seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
echo "$log"
echo "doctor_check.sh: the doctor took $seconds s, mpirun included"
[ "$got" = 0 ] || fail "exit code $got, expected 0"
grep -q '^doctor: per node' <<<"$log" || fail "no doctor table"
if [ -n "${DOCTOR_MAX_SECONDS:-}" ]; then
  awk -v s="$seconds" -v max="$DOCTOR_MAX_SECONDS" 'BEGIN { exit !(s < max) }' || fail "took $seconds s, more than $DOCTOR_MAX_SECONDS s"
fi

# The flagged nodes, exactly.
want=$(tr ',' '\n' <<<"$flagged" | sed '/^$/d' | sort -u | paste -sd, -)
have=$(grep -E '^bramble: doctor: ' <<<"$log" | grep -v '^bramble: doctor: no findings$' |
       sed -E 's/^bramble: doctor: ([^:]+): .*/\1/' | sort -u | paste -sd, -)
[ "$have" = "$want" ] || fail "flagged nodes [$have], expected [$want]"
[ -n "$want" ] || grep -q '^bramble: doctor: no findings$' <<<"$log" || fail "no 'no findings' line"

# The disk probe's scratch file is gone.
dir=$(dirname "$out")
leftover=$(find "$dir" -maxdepth 1 -name '.bramble-doctor-*' | head -1)
[ -z "$leftover" ] || fail "the disk probe left $leftover behind"

# The result file, as `bramble show` prints it: every probe, its per-node figures, the flags.
shown=$("$BRAMBLE" show "$out" 2>&1) || fail "bramble show $out failed: $shown"
echo "$shown" | sed -n '/^  kernel /,/^$/p'
probes="dgemm triad disk health" figures="gflops gbs mbs temp_c"
if grep -q '^doctor: links: ' <<<"$log"; then  # more than one node
  probes+=" link" figures+=" link_mbs latency_us"
fi
for probe in $probes; do
  grep -Eq "^  doctor-$probe .* PASSED" <<<"$shown" || fail "show: no PASSED doctor-$probe line"
done
for figure in $figures; do
  grep -Eq "node0_$figure=|(^| )$figure( |$)" <<<"$shown" || fail "show: no per-node $figure"
done
for node in ${want//,/ }; do
  grep -q "flags=.*$node: " <<<"$shown" || fail "show: no flag for $node"
done
[ -n "$want" ] || [ -z "$(grep -o 'flags=[^ ]*' <<<"$shown" | grep -v '^flags=none$')" ] ||
  fail "show: flags where none were expected"
echo "doctor_check.sh: ok"
