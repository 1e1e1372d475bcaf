#!/usr/bin/env bash
# Checks the nodes of a cluster and writes an Open MPI hostfile for them:
#
#   scripts/hostfile.sh [-o FILE] [--bramble PATH] HOST...
#
# For every HOST, over SSH (or ${BRAMBLE_RSH}, any command that runs `RSH HOST COMMAND`
# like ssh does: the testbed's rsh-agent in the tests):
#   - it must answer;
#   - it must have the same bramble build at the same path: `bramble --version` there must
#     print what it prints here (program version and commit);
#   - its physical cores, not hyperthreads, are counted: one MPI rank per core.
# Each good host becomes a line `HOST slots=CORES` on stdout, or in FILE with -o. Every host
# that fails is named on stderr with the reason, and the exit status is then 1 (the
# hostfile lists only the good hosts). The bramble checked is --bramble PATH, else
# $BRAMBLE, else this checkout's build/release/bramble; it must be an absolute path, since
# mpirun starts the same path on every node.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

usage() {
  echo "usage: scripts/hostfile.sh [-o FILE] [--bramble PATH] HOST..." >&2
  exit 2
}

out="" bramble=${BRAMBLE:-$root/build/release/bramble}
hosts=()
while [ $# -gt 0 ]; do
  case $1 in
    -o) [ $# -ge 2 ] || usage; out=$2; shift 2 ;;
    --bramble) [ $# -ge 2 ] || usage; bramble=$2; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "hostfile: unknown option $1" >&2; usage ;;
    *) hosts+=("$1"); shift ;;
  esac
done
[ ${#hosts[@]} -gt 0 ] || usage
[[ $bramble == /* ]] || { echo "hostfile: the bramble path must be absolute (the same on every node): $bramble" >&2; exit 2; }

# BatchMode: fail instead of asking for a password; a node that does not answer in 10 s
# is down as far as a benchmark run is concerned.
read -r -a rsh <<<"${BRAMBLE_RSH:-ssh -o BatchMode=yes -o ConnectTimeout=10}"

# bramble is an MPI program even for --version; run as root (usual on a Pi), Open MPI
# wants to be told that is intended. Harmless otherwise.
version_cmd="OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 $bramble --version"
[ -x "$bramble" ] || { echo "hostfile: no bramble here at $bramble (build it, or --bramble PATH)" >&2; exit 1; }
# The first line that starts "bramble ": MPI may print notices around it.
want=$(sh -c "$version_cmd" 2>&1 | grep -m 1 '^bramble ') ||
  { echo "hostfile: $bramble --version failed here" >&2; exit 1; }

# What each node reports, one "key: value" a line. Physical cores: distinct (core, socket)
# pairs from lscpu, else from sysfs topology; hyperthreads share a pair.
probe=$(cat <<PROBE
echo "ok: 1"
if [ -x "$bramble" ]; then
  echo "version: \$($version_cmd 2>&1 | grep -m 1 '^bramble ')"
else
  echo "version: missing"
fi
cores=\$(lscpu -p=CORE,SOCKET 2>/dev/null | grep -v '^#' | sort -u | wc -l)
if [ "\$cores" -eq 0 ]; then
  cores=\$(for t in /sys/devices/system/cpu/cpu[0-9]*/topology; do
    echo "\$(cat \$t/physical_package_id),\$(cat \$t/core_id)"; done 2>/dev/null | sort -u | wc -l)
fi
echo "cores: \$cores"
PROBE
)

lines=() failed=()
for host in "${hosts[@]}"; do
  if ! report=$(timeout 60 "${rsh[@]}" "$host" "$probe" 2>&1) || ! grep -q '^ok: 1$' <<<"$report"; then
    failed+=("$host: unreachable ($(tail -n 1 <<<"$report" | cut -c1-200))")
    continue
  fi
  version=$(sed -n 's/^version: //p' <<<"$report")
  cores=$(sed -n 's/^cores: //p' <<<"$report")
  if [ "$version" = missing ]; then
    failed+=("$host: no bramble at $bramble")
  elif [ "$version" != "$want" ]; then
    failed+=("$host: a different bramble build at $bramble: '$version', here '$want'")
  elif ! [[ $cores =~ ^[0-9]+$ ]] || [ "$cores" -lt 1 ]; then
    failed+=("$host: cannot count its cores ('$cores')")
  else
    lines+=("$host slots=$cores")
  fi
done

[ -z "$out" ] || exec 3>&1 >"$out"
[ ${#lines[@]} -eq 0 ] || printf '%s\n' "${lines[@]}"
[ -z "$out" ] || exec >&3 3>&-
for f in "${failed[@]}"; do echo "hostfile: $f" >&2; done
if [ ${#failed[@]} -gt 0 ]; then
  echo "hostfile: ${#failed[@]} of ${#hosts[@]} host(s) failed; the hostfile lists only the ${#lines[@]} good one(s)" >&2
  exit 1
fi
echo "hostfile: all ${#hosts[@]} host(s) answer with the same bramble build${out:+; wrote $out}" >&2
