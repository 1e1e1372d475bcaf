#!/usr/bin/env bash
# `bramble show --format F` on every result file the other CLI tests made, in every format:
# each must exit 0 and say something; the JSON must parse (where python3 is there to parse
# it) and the CSV must have a header and at least one kernel row.
#   show_every_file.sh OUT_DIR     (BRAMBLE names the executable)
set -u
out=$1
files=$(ls "$out"/*.h5 2>/dev/null)
[ -n "$files" ] || { echo "show_every_file.sh: no result files in $out"; exit 1; }
check() {  # FILE FORMAT
  text=$("$BRAMBLE" show "$1" --format "$2" 2>&1) || { echo "FAIL: $1 --format $2: $text"; return 1; }
  [ -n "$text" ] || { echo "FAIL: $1 --format $2 printed nothing"; return 1; }
  case $2 in
    json) if command -v python3 >/dev/null; then
            printf '%s' "$text" | python3 -c 'import json, sys; d = json.load(sys.stdin); assert d["schema_version"] >= 1 and d["runs"]' \
              || { echo "FAIL: $1: the JSON does not parse or has no runs"; return 1; }
          fi ;;
    csv) [ "$(printf '%s\n' "$text" | wc -l)" -ge 2 ] || { echo "FAIL: $1: the CSV has no kernel rows"; return 1; } ;;
  esac
}
export -f check
# Two at a time: each show starts an MPI singleton, which is most of its time (it was 54 s
# of the suite for 4 formats of 42 files). So each file is shown in two formats, taken in
# turn (table and csv, then markdown and json, ...): every file, and every format on half of
# them. Under emulation (BRAMBLE_TEST_EMULATED=1), where a singleton takes seconds, in one.
per_file=2
[ "${BRAMBLE_TEST_EMULATED:-0}" = 1 ] && per_file=1
pairs() {
  local i=0 f format
  for f in $files; do
    for format in table markdown csv json; do
      [ $((i % (4 / per_file))) = 0 ] && printf '%s %s\n' "$f" "$format"
      i=$((i + 1))
    done
    i=$((i + 1))
  done
}
pairs |
  xargs -P 2 -n 2 bash -c 'check "$0" "$1"' || { echo "show_every_file.sh: FAIL"; exit 1; }
echo "show_every_file.sh: $(echo "$files" | wc -w) files, $per_file format(s) each, every format on some: ok"
