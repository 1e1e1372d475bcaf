#!/usr/bin/env bash
# --out a symbolic link (issue 10 §5): the results go to the file the link points to, in
# its own directory, and the link stays a link; a second run appends there; temporary and
# lock files live beside the target and are gone afterwards.
. "$(dirname "$0")/common.sh"
scratch symlink-out
mkdir "$dir/store"
ln -s store/r.h5 "$dir/link.h5"  # relative, and dangling until the first run
for label in first second; do
  "$MPIEXEC" -n 2 "$BRAMBLE" run stencil --nx 64 --ny 48 --steps 3 --power off --label $label \
    --out "$dir/link.h5" || fail "the $label run through the link failed"
done
[ -L "$dir/link.h5" ] || fail "the link was replaced"
[ "$(readlink "$dir/link.h5")" = store/r.h5 ] || fail "the link points elsewhere now"
[ -f "$dir/store/r.h5" ] && [ ! -L "$dir/store/r.h5" ] || fail "the target is not a regular file"
[ "$(runs_in "$dir/link.h5")" = 2 ] || fail "the file through the link should hold both runs"
no_leftovers "$dir/store/r.h5"
no_leftovers "$dir/link.h5"
echo "ok: written through the link"
