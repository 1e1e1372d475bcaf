#!/usr/bin/env bash
# A full disk (issue 10 §5): the result directory is a tiny tmpfs, filled up, mounted in a
# mount namespace of this test's own (so nothing is left mounted, whatever happens). A run
# appending to an existing file and a run making a new one both fail with one clear message,
# before their kernel runs, and exit 5; the existing file is byte for byte as it was, the new one does not exist, and
# no temporary or lock file is left. Skipped where mounting is not allowed (not root, or a
# container without CAP_SYS_ADMIN).
. "$(dirname "$0")/common.sh"
: "${FIXTURE:?}"
scratch full-disk
if [ "${1:-}" != inside ]; then
  command -v unshare >/dev/null || skip "no unshare"
  unshare -m --propagation private true 2>/dev/null || skip "no mount namespaces here (needs root)"
  exec unshare -m --propagation private "$0" inside
fi
mount -t tmpfs -o size=512k tmpfs "$dir" || skip "cannot mount a tmpfs"
old=$dir/old.h5 new=$dir/new.h5
"$FIXTURE" result "$old" || fail "cannot make $old"
before=$(sha256sum "$old")
dd if=/dev/zero of="$dir/filler" bs=4k 2>/dev/null  # until the disk is full
df -h "$dir"
for f in "$old" "$new"; do
  out=$("$MPIEXEC" -n 2 "$BRAMBLE" run stencil --nx 64 --ny 48 --steps 3 --power off --out "$f" 2>&1)
  rc=$?
  echo "$out"
  [ "$rc" = 5 ] || fail "exit $rc for $f, expected 5"
  # Refused before the kernel runs (issue 22 §2), with the room needed and the room free.
  want="bramble: error: cannot write results to $f: not enough space: needs "
  [ "$(printf '%s\n' "$out" | grep -c -F -e "$want")" = 1 ] || fail "expected once: $want"
  no_leftovers "$f"
done
[ "$before" = "$(sha256sum "$old")" ] || fail "$old was modified"
[ ! -e "$new" ] || fail "$new exists after a failed run"
echo "ok: a full disk is one message, and no file is damaged or left"
