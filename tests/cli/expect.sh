#!/usr/bin/env bash
# Runs the real `bramble` under mpiexec and checks what a user would see.
#
#   expect.sh RANKS EXIT REGEX [--once] [--also REGEX]... [--not REGEX]... [--absent PATH] [--unchanged PATH]
#             [--before CMD] [--scratch DIR [--small-disk SIZE]] [--ulimit-v KB]
#             [--signal-when GLOB SIGNAL TARGET] -- ARGS...
#
# EXIT is the exit code expected; REGEX must match the combined output (with --once, on
# exactly one line: one message, from rank 0 only); each --also REGEX must match it too (one
# run checked several ways instead of the same run twice); no line may match a --not REGEX
# (a kernel that must not have run). --absent: PATH must not exist after the
# run (no partial result file). --unchanged: PATH's bytes must be the same after the run.
# --before: a shell command run first (to make a FIFO, a symlink, a read-only file).
# --scratch: the case's own directory (the bad-input matrix's @OUT@), emptied first; bramble
# runs in it, so that a default results/ lands there too. Afterwards it must hold no new
# temporary or lock file, and after a failure (any exit but 0 and 4, a verification failure
# that keeps its result) nothing new at all. Emptied again when the case passes.
# --small-disk: the scratch directory is a tmpfs of SIZE (e.g. 4m), mounted in a mount
# namespace of the case's own, so nothing stays mounted; skipped (77) where that is not allowed.
# --ulimit-v: mpiexec and the ranks run under `ulimit -v KB` (a job's memory limit).
# --signal-when: as soon as a path matching GLOB exists (a temporary file being written),
# SIGNAL goes to TARGET: "mpiexec" (as `timeout` or Slurm's time limit sends it) or "writer",
# rank 0, named by the result file's lock (pid P): a signal that lands during the write. The
# case fails if the run ends first. Files the run finished before the signal may stay; no
# temporary or lock file may (a killed rank's are removed by its watchdog, given 2 s).
# RANKS: with --scratch, BRAMBLE_MATRIX_RANKS replaces it when set (the matrix at 1, 2 or 4
# ranks), unless it ends in "!" (a case about that rank count: a P x Q grid that needs it).
# A hang is caught by the ctest TIMEOUT.
set -u
args_given=("$@")
ranks=$1 want=$2 regex=$3
shift 3
once=0 absent="" unchanged="" before_cmd="" scratch="" small_disk="" ulimit_v="" signal_glob="" signal="" target="" also=() nots=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case $1 in
    --once) once=1; shift ;;
    --also) also+=("$2"); shift 2 ;;
    --not) nots+=("$2"); shift 2 ;;
    --absent) absent=$2; shift 2 ;;
    --unchanged) unchanged=$2; shift 2 ;;
    --before) before_cmd=$2; shift 2 ;;
    --scratch) scratch=$2; shift 2 ;;
    --small-disk) small_disk=$2; shift 2 ;;
    --ulimit-v) ulimit_v=$2; shift 2 ;;
    --signal-when) signal_glob=$2 signal=$3 target=$4; shift 4 ;;
    -) shift ;;
    *) echo "expect.sh: bad option $1"; exit 99 ;;
  esac
done
[ $# -gt 0 ] || { echo "expect.sh: missing -- before the bramble arguments"; exit 99; }
shift
case $ranks in
  *!) ranks=${ranks%!} ;;
  *) [ -z "$scratch" ] || ranks=${BRAMBLE_MATRIX_RANKS:-$ranks} ;;
esac
if [ -n "$small_disk" ] && [ -z "${BRAMBLE_EXPECT_NS:-}" ]; then
  unshare -m --propagation private true 2>/dev/null || { echo "skipped: no mount namespaces here (needs root)"; exit 77; }
  BRAMBLE_EXPECT_NS=1 exec unshare -m --propagation private "$0" "${args_given[@]}"
fi
if [ -n "$scratch" ]; then
  # It is emptied with rm -rf: never a short path that a bad configuration could produce.
  case $scratch in /*/*/*/*) ;; *) echo "expect.sh: --scratch $scratch is too short a path to empty"; exit 99 ;; esac
  rm -rf "$scratch" && mkdir -p "$scratch" || { echo "expect.sh: cannot make $scratch"; exit 99; }
  if [ -n "$small_disk" ]; then
    mount -t tmpfs -o size="$small_disk" tmpfs "$scratch" || { echo "skipped: cannot mount a tmpfs"; exit 77; }
  fi
  cd "$scratch" || exit 99
fi
[ -z "$before_cmd" ] || sh -c "$before_cmd" || { echo "expect.sh: --before command failed: $before_cmd"; exit 99; }
before=""
[ -n "$unchanged" ] && before=$(sha256sum "$unchanged")
listing() { find "$scratch" -mindepth 1 | sort; }
[ -z "$scratch" ] || made_before=$(listing)
fail() { echo "expect.sh: FAIL: $*"; exit 1; }
run() { [ -z "$ulimit_v" ] || ulimit -v "$ulimit_v"; exec "${MPIEXEC:-mpiexec}" -n "$ranks" "$BRAMBLE" "$@"; }
if [ -z "$signal_glob" ]; then
  out=$(run "$@" 2>&1)
  got=$?
else
  log=$(mktemp)
  run "$@" >"$log" 2>&1 &
  job=$!
  signalled=0
  for _ in $(seq 12000); do  # 60 s
    kill -0 "$job" 2>/dev/null || break
    if compgen -G "$signal_glob" >/dev/null; then
      pid=$job
      [ "$target" = mpiexec ] || pid=$(cat "$scratch"/*.lock 2>/dev/null | sed -n 's/.*, pid \([0-9]*\),.*/\1/p' | head -n 1)
      [ -n "$pid" ] && kill -s "$signal" "$pid" && signalled=1
      break
    fi
    sleep 0.005
  done
  wait "$job"
  got=$?
  out=$(cat "$log")
  rm -f "$log"
  [ "$signalled" = 1 ] || { echo "$out"; fail "no $signal_glob appeared while the run lasted: no $signal sent"; }
  out+=$'\n'"expect.sh: SIG$signal sent to the $target when $signal_glob appeared"
  # A rank killed outright leaves the removing to bramble's watchdog, a moment after mpiexec
  # has gone: up to 2 s for it.
  for _ in $(seq 40); do
    compgen -G "$scratch/*.tmp-*" >/dev/null || compgen -G "$scratch/*.lock" >/dev/null || break
    sleep 0.05
  done
fi
echo "$out"
if [ -n "$scratch" ]; then
  new=$(comm -13 <(echo "$made_before") <(listing))
  temp=$(grep -E '\.(tmp|probe)-[0-9]+$|\.lock$' <<<"$new")
  [ -z "$temp" ] || fail "temporary or lock files left behind: $(echo $temp)"
  [ "$got" = 0 ] || [ "$got" = 4 ] || [ -n "$signal" ] || [ -z "$new" ] ||
    fail "exit $got, yet the run left files behind: $(echo $new)"
fi
[ "$got" = "$want" ] || fail "exit code $got, expected $want"
hits=$(printf '%s\n' "$out" | grep -E -c -e "$regex")
[ "$hits" -ge 1 ] || fail "output does not match /$regex/"
[ "$once" = 0 ] || [ "$hits" = 1 ] || fail "/$regex/ printed $hits times, expected once"
for r in "${also[@]}"; do
  printf '%s\n' "$out" | grep -E -q -e "$r" || fail "output does not match /$r/"
done
for r in "${nots[@]}"; do
  ! printf '%s\n' "$out" | grep -E -q -e "$r" || fail "output matches /$r/, which it must not"
done
[ -z "$absent" ] || [ ! -e "$absent" ] || fail "$absent exists after a failed run"
[ -z "$unchanged" ] || [ "$before" = "$(sha256sum "$unchanged")" ] || fail "$unchanged was modified"
[ -z "$scratch" ] || rm -rf "$scratch"
exit 0
