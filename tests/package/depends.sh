#!/usr/bin/env bash
# package.depends: every library the packaged program loads directly (its NEEDED entries) comes
# from a Debian package that the .deb's Depends names. For each soname: the file the loader
# would use, the package that owns it (dpkg -S), and the name Debian says to depend on for it
# (that package's shlibs or symbols file: libopenblas.so.0 is owned by libopenblas0-pthread,
# whose shlibs says "libopenblas0", the meta package). Either name in Depends covers it.
#
#   depends.sh [FILE.deb [ROOT]]   by hand, e.g. for the arm64 package against its Debian root:
#   tests/package/depends.sh build/packages/bramble_0.1.0_arm64.deb /var/cache/bramble/arm64-root
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
if [ $# = 0 ]; then
  . "$here/lib.sh"
  deb=$(package_deb)
else
  fail() { echo "FAIL: $*" >&2; exit 1; }
  deb=$1
fi
root=${2:-}
admin=(--admindir="${root:-}/var/lib/dpkg")

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
dpkg-deb -x "$deb" "$dir"
exe=$dir/usr/bin/bramble
case $(readelf -h "$exe" | sed -n 's/^ *Machine: *//p') in
  *X86-64*) triplet=x86_64-linux-gnu ;;
  AArch64) triplet=aarch64-linux-gnu ;;
  *) fail "usr/bin/bramble: an architecture this test does not know" ;;
esac
deps=$(dpkg-deb -f "$deb" Depends | tr ',|' '\n' | sed 's/([^)]*)//; s/:any//; s/^ *//; s/ *$//' | grep .)
echo "Depends: $(dpkg-deb -f "$deb" Depends)"

# owner PATH: the package that owns PATH, also tried with /usr/lib <-> /lib (Debian 12's
# libc6 ships /lib/..., reached through /usr/lib as well).
owner() {
  local p
  for p in "$1" "${1/#\/usr\/lib\//\/lib\/}" "${1/#\/lib\//\/usr\/lib\/}"; do
    dpkg-query "${admin[@]}" -S "$p" 2>/dev/null | sed -n '1s/:.*//p' | grep . && return 0
  done
  return 1
}

needed=$(readelf -d "$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || fail "usr/bin/bramble has no NEEDED entries"
bad=0
for so in $needed; do
  path=""
  for d in /lib/$triplet /usr/lib/$triplet /lib /usr/lib; do
    [ -e "$root$d/$so" ] && { path=$d/$so; break; }
  done
  [ -n "$path" ] || { echo "  $so: not found under ${root:-/}"; bad=1; continue; }
  real=$(realpath -m "$root$path")
  real=${real#"$root"}
  pkg=$(owner "$real") || pkg=$(owner "$path") || { echo "  $so: $real belongs to no package"; bad=1; continue; }
  # Debian's name for the dependency: the first package after the soname in the owner's
  # shlibs ("libopenblas 0 libopenblas0") or symbols ("libc.so.6 libc6 #MINVER#") file.
  named=$(for f in shlibs symbols; do
      c=$(dpkg-query "${admin[@]}" --control-path "$pkg" "$f" 2>/dev/null) && [ -n "$c" ] || continue
      [ -f "$c" ] || c=$root$c
      [ -f "$c" ] || continue
      awk -v so="$so" '$0 !~ /^[ #|*]/ && ($1 == so || $1 ".so." $2 == so || $1 "-" $2 ".so" == so) {
                         print ($1 == so ? $2 : $3); exit }' "$c"
    done | sed -n 1p)
  if grep -qx -e "$pkg" ${named:+-e "$named"} <<<"$deps"; then
    echo "  $so: $real, package $pkg${named:+ (depend on $named)}: covered"
  else
    echo "  $so: $real, package $pkg${named:+ (depend on $named)}: NOT in Depends"
    bad=1
  fi
done
[ $bad = 0 ] || fail "a library the program needs is not covered by Depends (above)"
echo "ok: all $(wc -w <<<"$needed") NEEDED libraries come from packages in Depends"
[ -z "$root" ] || exit 0

# Natively, also what dpkg-shlibdeps computes from the libraries' symbols: each package it
# names must be in Depends with at least its version floor (a newer glibc or libstdc++ symbol
# used by the code raises the floor). scripts/package.sh installs dpkg-dev.
command -v dpkg-shlibdeps >/dev/null || fail "no dpkg-shlibdeps (apt-get install dpkg-dev)"
mkdir -p "$dir/src/debian"
printf 'Source: bramble\n\nPackage: bramble\nArchitecture: any\n' >"$dir/src/debian/control"
computed=$(cd "$dir/src" && dpkg-shlibdeps -O "$exe" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$computed" ] || fail "dpkg-shlibdeps computed nothing for usr/bin/bramble"
echo "dpkg-shlibdeps: $computed"
ours=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//')
while read -r name floor; do
  floor=$(sed -n 's/^(>= \(.*\))$/\1/p' <<<"$floor")
  entry=$(awk -v n="$name" '$1 == n' <<<"$ours")
  if [ -z "$entry" ]; then
    # A meta package (libblis4: libblis4-openmp | -pthread | -serial) is covered by one of
    # its alternatives, named on purpose (the BLIS build wants the serial one).
    for alt in $(apt-cache show --no-all-versions "$name" 2>/dev/null | sed -n 's/^Depends: //p' |
                 tr ',|' '\n' | sed 's/([^)]*)//'); do
      entry=$(awk -v n="$alt" '$1 == n' <<<"$ours")
      [ -z "$entry" ] || { echo "  $name: covered by $entry, one of its alternatives"; break; }
    done
  fi
  [ -n "$entry" ] || { echo "  $name: not in Depends"; bad=1; continue; }
  have=$(sed -n 's/.*(>= \(.*\))$/\1/p' <<<"$entry")
  if [ -n "$floor" ] && { [ -z "$have" ] || ! dpkg --compare-versions "$have" ge "$floor"; }; then
    echo "  $name: Depends has '$entry', dpkg-shlibdeps wants >= $floor"
    bad=1
  fi
done < <(tr ',' '\n' <<<"$computed" | sed 's/^ *//; s/ *$//' | sed 's/^\([^ ]*\) *\(.*\)$/\1 \2/')
[ $bad = 0 ] || fail "Depends lacks what dpkg-shlibdeps computes (above)"
echo "ok: Depends holds every package and version floor dpkg-shlibdeps computes"
