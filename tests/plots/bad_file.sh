#!/usr/bin/env bash
# plot.py on a file that is not a readable bramble result file: exit status 3, exactly one
# line on stderr saying why (matching REGEX), no traceback, nothing written.
#   bad_file.sh OUT_DIR REGEX FILE                      FILE as it is
#   bad_file.sh OUT_DIR REGEX --truncate FILE           the first half of FILE
#   bad_file.sh OUT_DIR REGEX --make FORMAT VERSION     an HDF5 file with these root attributes
#   bad_file.sh OUT_DIR REGEX --fifo                    a FIFO (h5py would wait on it for ever)
#   bad_file.sh OUT_DIR REGEX --fixture KIND [ARG]      $FIXTURE KIND FILE [ARG] (tests/cli/h5_fixture.cpp)
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
require_plotting
out=$1 regex=$2
shift 2
rm -rf "$out"
mkdir -p "$out"
case $1 in
  --truncate)
    [ -s "$2" ] || fail "$2 missing or empty (made by plots.make_files)"
    head -c $(($(stat -c %s "$2") / 2)) "$2" >"$out/input.h5"; input=$out/input.h5 ;;
  --make)
    "$python" -c "import h5py, sys
with h5py.File(sys.argv[1], 'w') as f:
    f.attrs['format'] = sys.argv[2]
    f.attrs['schema_version'] = int(sys.argv[3])" "$out/input.h5" "$2" "$3" || fail "cannot make the file"
    input=$out/input.h5 ;;
  --fifo) mkfifo "$out/input.h5" || fail "cannot make a FIFO"; input=$out/input.h5 ;;
  --fixture)
    "${FIXTURE:?}" "$2" "$out/input.h5" ${3:+"$3"} || fail "cannot make the $2 fixture"
    input=$out/input.h5 ;;
  *) input=$1 ;;
esac
timeout 60 "$python" "$plot" "$input" -o "$out/png" >"$out/stdout" 2>"$out/stderr"
rc=$?
echo "--- exit $rc; stderr:"; cat "$out/stderr"
[ "$rc" = 3 ] || fail "exit status $rc, expected 3"
[ "$(wc -l <"$out/stderr")" = 1 ] || fail "stderr is not exactly one line"
grep -qE -e "$regex" "$out/stderr" || fail "stderr does not match /$regex/"
! grep -q Traceback "$out/stderr" || fail "a traceback"
[ ! -s "$out/stdout" ] || fail "something on stdout"
[ ! -e "$out/png" ] || fail "$out/png was created"
echo "bad_file.sh: refused as expected"
