#!/usr/bin/env bash
# with_lighttpd.sh TEST_BINARY [ARGS...]: starts lighttpd on loopback as a password-protected
# smart plug, then runs the test binary with BRAMBLE_PLUG_URL pointing at it. A real HTTP
# server's digest authentication, not one of ours: a Shelly Gen2/Gen3 answers
#   /rpc/Switch.GetStatus   digest, SHA-256 only (what Gen2 and Gen3 firmware ask for)
#   /status                 basic (a Gen1)
# with user admin and password hunter2 (lighttpd's "plain" user file, which serves both).
set -euo pipefail
lighttpd=$(command -v lighttpd || true)
[ -n "$lighttpd" ] || { echo "with_lighttpd.sh: lighttpd is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/bramble-plug.XXXXXX")
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT

mkdir -p "$dir/www/rpc"
printf '{"id":0,"source":"init","output":true,"apower":41.5,"voltage":230.1,"aenergy":{"total":1234.5}}' \
  > "$dir/www/rpc/Switch.GetStatus"
printf '{"meters":[{"power":17.25,"is_valid":true}]}' > "$dir/www/status"
echo "admin:hunter2" > "$dir/users"

# A free port: the kernel's pick for a socket we close, tried again if lighttpd loses the race.
for attempt in 1 2 3 4 5; do
  port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
  cat > "$dir/lighttpd.conf" <<CONF
server.document-root = "$dir/www"
server.bind = "127.0.0.1"
server.port = $port
server.errorlog = "$dir/error.log"
server.modules = ("mod_auth", "mod_authn_file")
mimetype.assign = ("" => "application/json")
auth.backend = "plain"
auth.backend.plain.userfile = "$dir/users"
auth.require = ("/rpc/" => ("method" => "digest", "algorithm" => "SHA-256", "realm" => "shellyplus1pm-a8032ab12345",
                            "require" => "valid-user"),
                "/status" => ("method" => "basic", "realm" => "shelly1", "require" => "valid-user"))
CONF
  "$lighttpd" -D -f "$dir/lighttpd.conf" 2>"$dir/start.log" &
  pid=$!
  # Up when it answers (a 401 is an answer); gone when the port was taken.
  for _ in $(seq 1 50); do
    if ! kill -0 "$pid" 2>/dev/null; then pid=""; break; fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break 2; fi
    sleep 0.1
  done
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
done
[ -n "$pid" ] || { echo "with_lighttpd.sh: lighttpd did not start:" >&2; cat "$dir/start.log" "$dir/error.log" >&2 2>/dev/null || true; exit 1; }

BRAMBLE_PLUG_URL="http://127.0.0.1:$port" "$@"
