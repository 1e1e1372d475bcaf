#!/usr/bin/env bash
# scripts/plot.py started by a Python other than /usr/bin/python3 (a venv, a copy, a
# python3 earlier on PATH) that lacks h5py: the message says Debian's packages serve
# /usr/bin/python3 and how to run it there, not to install what apt already installed
# (issue 22 §10). A copy of the interpreter run with -S (no site-packages) stands in for it.
#   other_python.sh SCRATCH_DIR
set -u
dir=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rm -rf "$dir" && mkdir -p "$dir"
cp "$(readlink -f /usr/bin/python3)" "$dir/python3" || { echo "SKIP: cannot copy /usr/bin/python3"; exit 77; }
out=$("$dir/python3" -S "$root/scripts/plot.py" "$dir/none.h5" -o "$dir/out" 2>&1)
rc=$?
echo "$out"
[ $rc = 1 ] || { echo "FAIL: exit $rc, expected 1 (modules missing)"; exit 1; }
grep -q "does not have; Debian's python3-h5py and python3-matplotlib serve /usr/bin/python3" <<<"$out" ||
  { echo "FAIL: the message does not say the packages serve /usr/bin/python3"; exit 1; }
rm -rf "$dir"
echo "ok"
