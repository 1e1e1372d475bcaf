#!/usr/bin/env bash
# Installs a .deb into a scratch root instead of /, as the tests' install command:
#   scratch_dpkg.sh ROOT FILE.deb
# A minimal dpkg database is made in ROOT first. The libraries the package depends on are
# installed on this machine, not in ROOT, hence --force-depends; the package has no
# maintainer scripts, so nothing runs inside ROOT.
set -euo pipefail
[ $# = 2 ] || { echo "usage: scratch_dpkg.sh ROOT FILE.deb" >&2; exit 2; }
root=$1
mkdir -p "$root"/var/lib/dpkg/{info,updates,triggers} "$root/var/log"
touch "$root/var/lib/dpkg/status"
exec dpkg --root="$root" --log="$root/var/log/dpkg.log" --force-not-root --force-depends -i "$2"
