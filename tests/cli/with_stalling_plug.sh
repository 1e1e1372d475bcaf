#!/usr/bin/env bash
# Runs expect.sh while a smart plug that stops answering listens on loopback.
#
#   with_stalling_plug.sh GOOD EXPECT.SH-ARGUMENTS...
#
# The plug (stalling_plug.py) answers its first GOOD requests, then accepts and never
# replies. @PLUG@ in the arguments becomes its URL. Skipped (77) without python3.
set -u
good=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
command -v python3 >/dev/null 2>&1 || { echo "no python3 for the fake plug: skipped"; exit 77; }
dir=$(mktemp -d)
python3 "$here/stalling_plug.py" "$good" "$dir/port" &
plug=$!
stop_plug() {
  kill "$plug" 2>/dev/null
  wait "$plug" 2>/dev/null
  rm -rf "$dir"
}
trap stop_plug EXIT
for _ in $(seq 600); do  # up to 30 s: python starts slowly on a busy machine
  [ -s "$dir/port" ] && break
  kill -0 "$plug" 2>/dev/null || break  # it died: nothing to wait for
  sleep 0.05
done
[ -s "$dir/port" ] || { echo "with_stalling_plug.sh: the fake plug did not start"; exit 99; }
url="http://127.0.0.1:$(cat "$dir/port")"
args=()
for a in "$@"; do args+=("${a//@PLUG@/$url}"); done
"$here/expect.sh" "${args[@]}"
