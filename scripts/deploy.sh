#!/usr/bin/env bash
# Installs one bramble package (scripts/package.sh) on every node of a cluster and checks that
# every node then runs that build:
#
#   scripts/deploy.sh HOSTFILE FILE.deb
#
# HOSTFILE is an Open MPI hostfile (`HOST slots=N` lines, # comments; scripts/hostfile.sh writes
# one). For every host, in order, over SSH (or ${BRAMBLE_RSH}: any command run as
# `RSH HOST COMMAND` like ssh; the testbed's rsh-agent in the tests):
#   1. its architecture (dpkg --print-architecture) must be the package's, or nothing is sent;
#   2. the .deb is streamed to it through stdin, installed, and the copy removed. By default
#      `apt-get install -y --reinstall FILE` (through `sudo -n` when not root), so apt brings
#      the libraries it depends on; $BRAMBLE_DEPLOY_INSTALL replaces that command (the copy's
#      path is appended);
#   3. `bramble --version` there ($BRAMBLE_DEPLOY_BRAMBLE, default the bramble on PATH) must
#      print the line the package was built to print (its /usr/share/bramble/version).
# The two variables are run by the host's shell, so `$(hostname)` in them expands there.
# One line per host (ok, or why not); a host that fails does not stop the others. Exit 1 if
# any host failed, 2 on bad arguments.
set -euo pipefail

die() { echo "deploy: $1" >&2; exit "${2:-1}"; }
[ $# = 2 ] || die "usage: scripts/deploy.sh HOSTFILE FILE.deb" 2
hostfile=$1 deb=$2

# The package: a Debian package of bramble, whose version line we know without running it (an
# arm64 package may be deployed from an amd64 machine).
[ -f "$deb" ] || die "$deb: no such file" 2
pkg=$(dpkg-deb -f "$deb" Package 2>/dev/null) || die "$deb: not a Debian package" 2
[ "$pkg" = bramble ] || die "$deb: a package of $pkg, not bramble" 2
arch=$(dpkg-deb -f "$deb" Architecture)
want=$(dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./usr/share/bramble/version 2>/dev/null) && [ -n "$want" ] ||
  die "$deb: has no usr/share/bramble/version (not made by scripts/package.sh?)" 2
size=$(stat -c %s "$deb")

# The hosts: the first word of every line, comments and blank lines skipped, each host once.
[ -r "$hostfile" ] || die "$hostfile: cannot read the hostfile" 2
hosts=() n=0
while IFS= read -r line || [ -n "$line" ]; do
  n=$((n + 1))
  read -r host _ <<<"${line%%#*}" || true
  [ -n "$host" ] || continue
  [[ $host =~ ^[A-Za-z0-9_][A-Za-z0-9_.@:-]*$ ]] || die "$hostfile line $n: '$host' is not a host name" 2
  [[ " ${hosts[*]} " == *" $host "* ]] || hosts+=("$host")
done <"$hostfile"
[ ${#hosts[@]} -gt 0 ] || die "$hostfile: no hosts" 2

# BatchMode: fail instead of asking for a password (as scripts/hostfile.sh).
read -r -a rsh <<<"${BRAMBLE_RSH:-ssh -o BatchMode=yes -o ConnectTimeout=10}"
# shellcheck disable=SC2016  # $sudo is the host's (below)
install_cmd=${BRAMBLE_DEPLOY_INSTALL:-'$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall'}
bramble=${BRAMBLE_DEPLOY_BRAMBLE:-bramble}

# Run on each host (POSIX sh), the .deb on stdin. A temporary directory, removed on every way
# out, holds the copy; exit 3: the copy is incomplete, 4: the install failed (its errors, or
# last lines, follow). bramble is an MPI program even for --version: as root, Open MPI must be told.
remote=$(cat <<REMOTE
sudo=""; [ "\$(id -u)" = 0 ] || sudo="sudo -n"
d=\$(mktemp -d /tmp/bramble-deploy.XXXXXX) || exit 3
trap 'rm -rf "\$d"' EXIT; trap 'exit 1' HUP INT TERM
cat >"\$d/bramble.deb"
[ "\$(wc -c <"\$d/bramble.deb")" -eq $size ] || { echo "the copy is incomplete"; exit 3; }
$install_cmd "\$d/bramble.deb" >"\$d/log" 2>&1 ||
  { { grep -A1 -E '^(E:|dpkg: error)' "\$d/log" || tail -n 2 "\$d/log"; } | head -n 3 | paste -sd ' ' | sed 's/ *$//'; exit 4; }
v=\$(OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 $bramble --version 2>&1) || true
echo "version: \$(printf '%s\n' "\$v" | grep -m 1 '^bramble ' || printf '%s\n' "\$v" | tail -n 1)"
REMOTE
)

failed=()
for host in "${hosts[@]}"; do
  # Nothing is sent to a host of another architecture; a host without dpkg is no Debian.
  # shellcheck disable=SC2016  # expanded by the host's shell
  if ! probe=$(timeout 60 "${rsh[@]}" "$host" 'echo "arch: $(dpkg --print-architecture)"' </dev/null 2>&1); then
    why="unreachable ($(tail -n 1 <<<"$probe" | cut -c1-200))"
  elif ! host_arch=$(sed -n 's/^arch: //p' <<<"$probe" | grep .); then
    why="no dpkg there (not a Debian system?)"
  elif [ "$host_arch" != "$arch" ]; then
    why="the host is $host_arch, the package $arch: not installed"
  else
    rc=0
    report=$(timeout "${BRAMBLE_DEPLOY_TIMEOUT:-1200}" "${rsh[@]}" "$host" "$remote" <"$deb" 2>&1) || rc=$?
    answer=$(sed -n 's/^version: //p' <<<"$report")
    case $rc in
      0) if [ "$answer" = "$want" ]; then
           echo "deploy: $host: ok ($answer)"
           continue
         fi
         why="installed, but $bramble --version answers '$answer', the package '$want'" ;;
      3) why="copying the package failed ($(tail -n 1 <<<"$report" | cut -c1-200))" ;;
      4) why="the install failed: $(tail -n 1 <<<"$report" | cut -c1-300)" ;;
      124) why="timed out installing (BRAMBLE_DEPLOY_TIMEOUT=${BRAMBLE_DEPLOY_TIMEOUT:-1200} s)" ;;
      *) why="failed with exit $rc ($(tail -n 1 <<<"$report" | cut -c1-200))" ;;
    esac
  fi
  echo "deploy: $host: FAILED: $why"
  failed+=("$host")
done

if [ ${#failed[@]} -gt 0 ]; then
  die "${#failed[@]} of ${#hosts[@]} host(s) failed: ${failed[*]}"
fi
echo "deploy: all ${#hosts[@]} host(s) run $(basename "$deb"): $want"
