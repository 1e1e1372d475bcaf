#!/usr/bin/env bash
# plot.py over the files make_files.sh wrote: it exits 0, lists every expected PNG on
# stdout, and each is a real PNG, 1080 pixels wide (9 in at 120 dpi), not blank.
#   check_plots.sh FILES_DIR OUT_DIR                 (with tests/plots/published-sample.csv)
#   check_plots.sh FILES_DIR OUT_DIR --no-published  (suite.h5 only, no published CSV)
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
require_plotting
files=$1 out=$2 mode=${3:-}
rm -rf "$out"
mkdir -p "$out"

if [ "$mode" = --no-published ]; then
  inputs=("$files/suite.h5") published=$out/absent.csv
  expected=(per_watt where_do_i_stand timeline-suite-hpl time_split-suite-hpl
            timeline-suite-render time_split-suite-stream)
else
  inputs=("$files/suite.h5" "$files/scaling.h5") published=$here/published-sample.csv
  expected=(per_watt where_do_i_stand timeline-suite-hpl time_split-suite-hpl
            timeline-suite-stream time_split-suite-stencil timeline-suite-render
            timeline-hpl-np1 timeline-hpl-np2 timeline-hpl-np4
            time_split-hpl-np1 time_split-hpl-np4 time_split-weak-np2
            scaling-hpl scaling-stencil)
fi
"$python" "$plot" "${inputs[@]}" -o "$out/png" --published "$published" >"$out/stdout" 2>"$out/stderr"
rc=$?
echo "--- stdout"; cat "$out/stdout"; echo "--- stderr"; cat "$out/stderr"; echo "---"
[ "$rc" = 0 ] || fail "plot.py exited $rc"
! grep -q Traceback "$out/stderr" || fail "a traceback on stderr"
for stem in "${expected[@]}"; do
  grep -qx "$out/png/$stem.png" "$out/stdout" || fail "$stem.png not listed on stdout"
done
listed=$(wc -l <"$out/stdout")
[ "$listed" = "$(ls "$out/png" | wc -l)" ] || fail "stdout lists $listed files, $out/png holds others"
if [ "$mode" = --no-published ]; then
  grep -q "where_do_i_stand" "$out/stdout" || fail "no where_do_i_stand.png without the CSV"
else
  grep -q "published-sample.csv:7: row skipped: empty gflops" "$out/stderr" \
    || fail "the CSV row without gflops was not named as skipped"
  ! grep -q "timeline-weak" "$out/stdout" || fail "a timeline for a run without a sampler (--power off)"
fi

# Every file: PNG signature, 1080 px wide, 600-1300 px high, 15 KB-3 MB, not blank.
"$python" - "$out/png" <<'PY' || fail "a PNG is not what it should be"
import os, struct, sys
import matplotlib.image
bad = 0
for name in sorted(os.listdir(sys.argv[1])):
    path = os.path.join(sys.argv[1], name)
    with open(path, "rb") as f:
        head = f.read(24)
    size = os.path.getsize(path)
    width, height = struct.unpack(">II", head[16:24])
    pixels = matplotlib.image.imread(path)[..., :3]
    inked = float((pixels.min(axis=2) < 0.9).mean())  # share of pixels that are not near white
    ok = (head[:8] == b"\x89PNG\r\n\x1a\n" and width == 1080 and 600 <= height <= 1300
          and 15_000 <= size <= 3_000_000 and inked > 0.02)
    print(f"{'ok ' if ok else 'BAD'} {name}: {width}x{height}, {size} bytes, {inked:.1%} inked")
    bad += not ok
sys.exit(1 if bad else 0)
PY
echo "check_plots.sh: all ${#expected[@]} expected plots written and checked"
