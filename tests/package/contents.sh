#!/usr/bin/env bash
# package.contents: the .deb's control fields and its files. Package bramble, the version this
# build's `bramble --version` reports, this machine's architecture, the Debian packages it
# needs; and exactly the program, the version line, the scenes and the README under /usr,
# owned by root, nothing from the build tree or /usr/local, no RPATH into the build tree.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
deb=$(package_deb)
dpkg-deb -I "$deb"

field() { dpkg-deb -f "$deb" "$1"; }
version=$("$BRAMBLE" --version | sed -n 's/^bramble \([^ ]*\) .*/\1/p')
[ -n "$version" ] || fail "cannot read the version from $BRAMBLE --version"
[ "$(field Package)" = bramble ] || fail "Package is '$(field Package)', not bramble"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', bramble --version says $version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] ||
  fail "Architecture is '$(field Architecture)', this machine is $(dpkg --print-architecture)"
[ "$(basename "$deb")" = "bramble_${version}_$(field Architecture).deb" ] || fail "file name $(basename "$deb")"
[ -n "$(field Maintainer)" ] && [ -n "$(field Description)" ] || fail "no Maintainer or Description"
names=$(depends_names "$deb")
for p in libc6 libgcc-s1 libstdc++6 libopenmpi3 openmpi-bin libopenblas0 libhdf5-103-1 libpng16-16; do
  grep -qx "$p" <<<"$names" || fail "Depends does not name $p: $(field Depends)"
done

echo "== files"
dpkg-deb -c "$deb" | tee "$PKG_OUT/contents.txt"
# Regular files only, as "MODE OWNER PATH".
files=$(awk '$1 ~ /^-/ {print $1, $2, $6}' "$PKG_OUT/contents.txt" | sort -k3)
expected=(./usr/bin/bramble ./usr/share/bramble/version ./usr/share/doc/bramble/README.md)
for s in "$SOURCE_DIR"/kernels/render/scenes/*; do expected+=("./usr/share/bramble/scenes/$(basename "$s")"); done
[ "$(awk '{print $3}' <<<"$files")" = "$(printf '%s\n' "${expected[@]}" | sort)" ] ||
  fail "the files are not exactly: ${expected[*]}"
grep -q '^-rwxr-xr-x root/root \./usr/bin/bramble$' <<<"$files" || fail "usr/bin/bramble is not an executable owned by root"
awk '{print $6}' "$PKG_OUT/contents.txt" | grep -v '^\./usr/' | grep -vx '\./' && fail "paths outside /usr (above)"
grep -E '\./usr/local|/build/|/_CPack|/work/' "$PKG_OUT/contents.txt" && fail "build-tree or /usr/local paths (above)"

# The program itself: no run path (into the build tree or anywhere), and stripped.
dir=$(mktemp -d "$PKG_OUT/contents.XXXXXX")
trap 'rm -rf "$dir"' EXIT
dpkg-deb -x "$deb" "$dir"
readelf -d "$dir/usr/bin/bramble" | grep -E 'RPATH|RUNPATH' && fail "usr/bin/bramble has a run path (above)"
grep -q '\.symtab' <<<"$(readelf -S "$dir/usr/bin/bramble")" && fail "usr/bin/bramble is not stripped"
grep -qx "bramble $version (commit [^ ]*), result schema [0-9]*" "$dir/usr/share/bramble/version" ||
  fail "usr/share/bramble/version is not a version line: $(cat "$dir/usr/share/bramble/version")"
echo "ok: bramble $version $(field Architecture), $(stat -c %s "$deb") bytes; Depends: $(field Depends)"
