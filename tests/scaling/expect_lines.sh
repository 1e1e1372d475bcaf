#!/usr/bin/env bash
# Runs a command and checks its output line by line: a scaling study is a table, and one
# regex matching somewhere would not show that every row is there.
#
#   expect_lines.sh EXIT [--fresh FILE] [--once] REGEX... -- COMMAND ARGS...
#
# EXIT: the exit status expected. Every REGEX must match a whole line of the combined
# output (with --once: exactly one line, the one message an error should be). --fresh:
# FILE is removed first (scaling.sh appends to an existing file). JSON is checked by
# tests/cli/expect_json.sh instead.
set -u
want=$1
shift
fresh="" once=0 regexes=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case $1 in
    --fresh) fresh=$2; shift 2 ;;
    --once) once=1; shift ;;
    *) regexes+=("$1"); shift ;;
  esac
done
[ $# -gt 1 ] || { echo "expect_lines.sh: missing -- COMMAND"; exit 99; }
shift
[ -z "$fresh" ] || rm -f "$fresh"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$@" >"$dir/stdout" 2>"$dir/stderr"
got=$?
out=$(cat "$dir/stdout" "$dir/stderr")
printf '%s\n' "$out"
fail() { echo "expect_lines.sh: FAIL: $*"; exit 1; }
[ "$got" = "$want" ] || fail "exit status $got, expected $want"
for re in "${regexes[@]}"; do
  hits=$(printf '%s\n' "$out" | grep -E -c -e "^${re}\$")
  [ "$hits" -ge 1 ] || fail "no line matches /^${re}\$/"
  [ "$once" = 0 ] || [ "$hits" = 1 ] || fail "/^${re}\$/ matches $hits lines, expected one"
done
exit 0
