#!/usr/bin/env bash
# A scaling study, for teaching why 16 nodes are not 16 times faster: `bramble run KERNEL`
# at each rank count into one result file, then `bramble scaling` on it.
#
#   scripts/scaling.sh KERNEL --ranks 1,2,4 [--weak] [--hostfile F] [--out FILE] [-- bramble run options]
#
# Strong scaling (the default): the same problem at every rank count. Weak scaling (--weak):
# the work per rank held constant, which each kernel does its own way:
#   hpl      N = base N x p^(1/3), rounded to a whole number. HPL's work is 2/3 N^3, so that
#            keeps the flops per rank constant, which Gustafson's law (the fit `bramble
#            scaling` makes of a weak study) assumes. HPL's own convention, N x sqrt(p), keeps
#            the matrix memory per rank (N^2 / p) constant instead: the flops per rank then
#            grow as sqrt(p), bigger local blocks run DGEMM faster, and the study would
#            flatter the cluster (`bramble scaling` reports such a study as memory per rank
#            held constant, without the fit). N is not rounded to a multiple of NB: at small
#            N one block is a large step in N^3 (N=128, NB=32 at 4 ranks: 192 for 203, 16%
#            less work per rank). The speedup is the Gflop/s ratio (the scaled speedup).
#            --n in the options is the base N (at 1 rank).
#   stencil  --weak: the sizes (--n, --nx, ...) are per rank.
#   stream   always weak: --stream-n is per rank, so every run is weak scaling by nature.
#   render   the image stays, the samples per pixel grow with p (--spp is the base).
# Each run is labelled "scaling MODE KERNEL np=R", which `bramble scaling` reads.
#
# The default sizes take seconds per run on a laptop; options after -- override them (and
# add any other `bramble run KERNEL` option). --hostfile F goes to mpirun (one rank per
# slot: write F with scripts/hostfile.sh). Without --out the file is
# results/scaling-KERNEL-MODE-<utc>.h5; an existing bramble file is appended to, and its
# older runs then join the study (repeated rank counts are flagged), so prefer a new one.
#
# bramble is $BRAMBLE, else build/release/bramble, else build/ci/bramble; the launcher is
# $MPIEXEC, else mpirun, else mpiexec (MPIEXEC=scripts/testbed/mpirun.sh runs across the
# testbed's nodes). Exit status: 2 bad arguments, bramble's own status when a run fails
# (4 when a run failed verification: the study is still printed, the result flagged).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/env.sh"

usage() {
  echo "usage: scripts/scaling.sh hpl|stencil|stream|render --ranks 1,2,4 [--weak] [--hostfile F] [--out FILE] [-- bramble run options]" >&2
  exit 2
}
die() { echo "scaling.sh: $*" >&2; exit 2; }

[ $# -gt 0 ] || usage
kernel=$1
shift
case $kernel in
  hpl|stencil|stream|render) ;;
  -h|--help) usage ;;
  *) die "unknown kernel \"$kernel\": expected hpl, stencil, stream or render" ;;
esac
ranks_list="" weak=0 hostfile="" out=""
extra=()
while [ $# -gt 0 ]; do
  case $1 in
    --ranks) [ $# -ge 2 ] || die "--ranks needs a list such as 1,2,4"; ranks_list=$2; shift 2 ;;
    --weak) weak=1; shift ;;
    --hostfile) [ $# -ge 2 ] || die "--hostfile needs a file"; hostfile=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || die "--out needs a file"; out=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage ;;
    *) die "unknown option \"$1\" (options for bramble run go after --)" ;;
  esac
done

# The rank counts: whole numbers from 1, at least two different ones, none twice.
[ -n "$ranks_list" ] || die "--ranks is required, e.g. --ranks 1,2,4"
IFS=, read -r -a ranks <<< "$ranks_list"
for r in "${ranks[@]}"; do
  [[ $r =~ ^[1-9][0-9]{0,5}$ ]] || die "--ranks: \"$r\" is not a rank count (a whole number from 1)"
done
[ "$(printf '%s\n' "${ranks[@]}" | sort -u | wc -l)" = "${#ranks[@]}" ] || die "--ranks: a rank count appears twice in $ranks_list"
[ ${#ranks[@]} -ge 2 ] || die "--ranks: a study needs at least two rank counts, got $ranks_list"
[ -z "$hostfile" ] || [ -f "$hostfile" ] || die "--hostfile: no such file: $hostfile"

# The value of --NAME in the extra options ("" when absent), and whether it is there.
option_value() {
  local i
  for ((i = 0; i < ${#extra[@]}; i++)); do
    case ${extra[i]} in
      "$1") echo "${extra[i + 1]:-}"; return ;;
      "$1"=*) echo "${extra[i]#*=}"; return ;;
    esac
  done
}
has_option() {
  local a
  for a in "${extra[@]}"; do [[ $a == "$1" || $a == "$1"=* ]] && return 0; done
  return 1
}
for o in --out --label; do
  has_option $o && die "$o is set by scaling.sh (give --out before --; the label names mode and ranks)"
done
# The extra options without --NAME and its value.
without_option() {
  local i kept=()
  for ((i = 0; i < ${#extra[@]}; i++)); do
    case ${extra[i]} in
      "$1") i=$((i + 1)) ;;
      "$1"=*) ;;
      *) kept+=("${extra[i]}") ;;
    esac
  done
  extra=("${kept[@]+"${kept[@]}"}")
}
# Adds a default unless the user gave that option.
defaults=()
default() { has_option "$1" || defaults+=("$@"); }

if [ "$kernel" = stream ] && [ $weak = 0 ]; then
  echo "scaling.sh: stream's --stream-n is per rank, so its study is weak scaling by nature: running it as weak" >&2
  weak=1
fi
mode=$([ $weak = 1 ] && echo weak || echo strong)
case $kernel in
  hpl) default --nb 64; default --n 2000 ;;
  stencil)  # points per rank (weak) or in all: 1024^2 / 2048^2 in 2D, 128^3 / 256^3 in 3D
    if [ "$(option_value --dims)" = 3 ]; then edge=$([ $weak = 1 ] && echo 128 || echo 256)
    else edge=$([ $weak = 1 ] && echo 1024 || echo 2048); fi
    default --n "$edge"; default --steps 50 ;;
  # The same N per rank at every count (bramble's own sizing shrinks it when memory runs short).
  stream) default --stream-n 10000000 ;;
  render) default --width 320; default --height 240; default --spp 2; default --schedule dynamic ;;
esac
[ "$kernel" = stencil ] && [ $weak = 1 ] && default --weak
extra=("${defaults[@]+"${defaults[@]}"}" "${extra[@]+"${extra[@]}"}")
base_n=$(option_value --n) base_spp=$(option_value --spp)
if [ $weak = 1 ] && [ "$kernel" = hpl ]; then
  [[ $base_n =~ ^[1-9][0-9]*$ ]] || die "--weak hpl needs a whole base --n, got \"$base_n\""
  without_option --n
fi
[ $weak = 1 ] && [ "$kernel" = render ] && {
  [[ $base_spp =~ ^[1-9][0-9]*$ ]] || die "--weak render needs a whole base --spp, got \"$base_spp\""
  without_option --spp
}

# The problem at R ranks: weak hpl and render grow it; the rest is the same at every count.
sized_options() {
  local r=$1
  if [ $weak = 1 ] && [ "$kernel" = hpl ]; then
    awk -v b="$base_n" -v p="$r" 'BEGIN { n = int(b * p ^ (1 / 3) + 0.5); if (n < 1) n = 1; print "--n " n }'
  elif [ $weak = 1 ] && [ "$kernel" = render ]; then
    echo "--spp $((base_spp * r))"
  fi
}

bramble=${BRAMBLE:-}
for candidate in "$root/build/release/bramble" "$root/build/ci/bramble"; do
  [ -n "$bramble" ] || [ ! -x "$candidate" ] || bramble=$candidate
done
[ -n "$bramble" ] || die "no bramble found: build it (scripts/setup.sh release) or set BRAMBLE"
[ -x "$bramble" ] || die "BRAMBLE is not an executable: $bramble"
[[ $bramble == /* ]] || bramble=$PWD/$bramble   # mpirun starts the same path everywhere
mpiexec=${MPIEXEC:-$(command -v mpirun || command -v mpiexec || true)}
[ -n "$mpiexec" ] || die "no mpirun or mpiexec found: install MPI (scripts/setup.sh) or set MPIEXEC"

launcher=("$mpiexec")
[ -z "$hostfile" ] || launcher+=(--hostfile "$hostfile")
# Open MPI passes the environment to remote ranks only when told.
if grep -q "Open MPI" <<<"$("$mpiexec" --version 2>&1)"; then
  launcher+=(-x OPENBLAS_NUM_THREADS)
fi

[ -n "$out" ] || out=$root/results/scaling-$kernel-$mode-$(date -u +%Y%m%dT%H%M%SZ).h5
[[ $out == /* ]] || out=$PWD/$out
mkdir -p "$(dirname "$out")"
[ ! -e "$out" ] || echo "scaling.sh: appending to $out: its older runs join the study" >&2

status=0
for r in "${ranks[@]}"; do
  [ -n "$hostfile" ] || [ "$r" -le "$(nproc)" ] ||
    echo "scaling.sh: $r ranks on $(nproc) cores oversubscribe them: expect that step to be slow for that reason alone" >&2
  read -r -a sized <<< "$(sized_options "$r")"
  cmd=("${launcher[@]}" -n "$r" "$bramble" run "$kernel" "${extra[@]}" "${sized[@]+"${sized[@]}"}"
       --out "$out" --label "scaling $mode $kernel np=$r")
  echo "scaling.sh: ${cmd[*]}" >&2
  "${cmd[@]}" || {
    code=$?
    [ $code = 4 ] || { echo "scaling.sh: the run at $r ranks failed (exit $code); stopping" >&2; exit $code; }
    status=4   # verification failed: recorded as FAILED, the study flags it
  }
done

echo
"$bramble" scaling "$out" --kernel "$kernel"
echo "(other formats: $bramble scaling $out --format markdown|csv|json)"
exit $status
