#!/usr/bin/env bash
# Runs a command and checks its JSON with jq: facts about keys and values, which hold however
# the JSON is laid out (indented or on one line), unlike a regex over its text.
#
#   expect_json.sh FILTER -- COMMAND ARGS...
#
# The command must exit 0 and print exactly one JSON document on stdout, of which the jq
# expression FILTER must be true (false, null or an error fail). Both outputs are printed.
set -u
[ $# -ge 3 ] && [ "$2" = "--" ] || { echo "expect_json.sh: usage: expect_json.sh FILTER -- COMMAND ARGS..."; exit 99; }
filter=$1
shift 2
command -v jq >/dev/null || { echo "expect_json.sh: jq is missing (scripts/setup.sh installs it)"; exit 99; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$@" >"$dir/stdout" 2>"$dir/stderr"
got=$?
cat "$dir/stdout" "$dir/stderr"
fail() { echo "expect_json.sh: FAIL: $*"; exit 1; }
[ "$got" = 0 ] || fail "exit status $got, expected 0"
# Slurped, the documents are an array: exactly one, then the filter on it.
jq -e -s "length == 1 and (.[0] | $filter)" "$dir/stdout" >/dev/null \
  || fail "stdout is not one JSON document of which jq finds this true: $filter"
exit 0
