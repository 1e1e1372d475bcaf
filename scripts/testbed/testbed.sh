#!/usr/bin/env bash
# A cluster on one machine: K "nodes" n1..nK, each a Linux network namespace with its own
# address, hostname and /etc/hosts, joined by veth pairs to a bridge that sits in a
# namespace of its own, so the machine's own network is never touched. scripts/testbed/
# mpirun.sh launches ranks inside the nodes; ranks on different nodes talk over real TCP
# through the veths, at a shaped rate if asked. Root only.
#
#   testbed.sh up K [--rate RATE] [NODE=RATE ...]   e.g. `up 4 n3=100mbit`, `up 2 --rate 1gbit`
#   testbed.sh ensure K [...]  the same as up, unless exactly that testbed is up already
#   testbed.sh down          remove everything (safe when nothing is up)
#   testbed.sh kill NODE     the node dies: kill -9 every process in its namespace
#   testbed.sh status        the nodes, addresses, rates, processes, bytes (exit 1: none up)
#   testbed.sh bytes NODE    "RX TX": bytes NODE's interface has received and sent
#   testbed.sh nodes         the node names, one a line
#   testbed.sh hostfile      the path of the Open MPI hostfile (NODE slots=CORES)
#   testbed.sh can-run       exit 0 if this machine can host a testbed, else say why (exit 1)
#
# RATE is a tc rate: 100mbit, 1gbit, 500kbit. It is applied in both directions (the node's
# end of its veth and the bridge's end) with a token bucket; this kernel has no netem, so
# delay cannot be added. BRAMBLE_TESTBED_PREFIX (default brb) prefixes every name.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"

die() { echo "testbed: $*" >&2; exit 1; }
[[ $TB_PREFIX =~ ^[a-z][a-z0-9]{0,7}$ ]] || die "BRAMBLE_TESTBED_PREFIX must be 1-8 lower-case letters/digits, not '$TB_PREFIX'"

# The namespaces of this prefix's testbed, whatever state it was left in.
our_namespaces() {
  ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^$TB_PREFIX-(n[0-9]+|br)$" || true
}

# Physical cores, not hyperthreads: one per distinct (core, socket) pair.
physical_cores() {
  local n
  n=$(lscpu -p=CORE,SOCKET 2>/dev/null | grep -v '^#' | sort -u | wc -l)
  [ "$n" -gt 0 ] || n=$(nproc)
  echo "$n"
}

# Bits per second of a tc rate such as 100mbit; fails on anything else.
rate_bits() {
  local r=${1,,} mult
  [[ $r =~ ^([0-9]+)(bit|kbit|mbit|gbit)$ ]] || return 1
  case ${BASH_REMATCH[2]} in
    bit) mult=1 ;; kbit) mult=1000 ;; mbit) mult=1000000 ;; gbit) mult=1000000000 ;;
  esac
  [ "${BASH_REMATCH[1]}" -gt 0 ] || return 1
  echo $((BASH_REMATCH[1] * mult))
}

# shape NAMESPACE DEVICE RATE: a token bucket on the device's egress. The bucket holds
# 10 ms at full rate (at least 16 KiB) so that the rate is reached, not just approached.
shape() {
  local bits burst
  bits=$(rate_bits "$3")
  burst=$((bits / 8 / 100))
  [ "$burst" -ge 16384 ] || burst=16384
  tc -n "$1" qdisc replace dev "$2" root tbf rate "$3" burst "$burst" latency 20ms
}

cmd_down() {
  local ns pids
  for ns in $(our_namespaces); do
    # A namespace lives on while a process is inside it (with its veth), so stray ranks
    # and daemons of a failed test go first.
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    if [ -n "$pids" ]; then
      # shellcheck disable=SC2086  # one pid a word
      kill -9 $pids 2>/dev/null || true
      for _ in $(seq 50); do
        [ -z "$(ip netns pids "$ns" 2>/dev/null || true)" ] && break
        sleep 0.1
      done
    fi
    ip netns delete "$ns"
  done
  rm -rf /etc/netns/"$TB_PREFIX"-n[0-9]* /etc/netns/"$TB_PREFIX"-br "$TB_STATE"
  [ ! -d /etc/netns ] || rmdir --ignore-fail-on-non-empty /etc/netns
}

cmd_up() {
  [ $# -ge 1 ] || die "usage: testbed.sh up K [--rate RATE] [NODE=RATE ...]"
  local k=$1 default_rate="" arg node i ns cores
  shift
  local spec="$k $*"
  [[ $k =~ ^[0-9]+$ ]] && [ "$k" -ge 1 ] && [ "$k" -le 250 ] || die "K must be 1 to 250 nodes, not '$k'"
  declare -A rate=()
  while [ $# -gt 0 ]; do
    arg=$1
    shift
    case $arg in
      --rate)
        [ $# -ge 1 ] || die "--rate needs a value"
        default_rate=$1
        shift ;;
      --rate=*) default_rate=${arg#--rate=} ;;
      n*=*)
        node=${arg%%=*}
        [[ $node =~ ^n([0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" -ge 1 ] && [ "${BASH_REMATCH[1]}" -le "$k" ] ||
          die "$arg: no node $node in a testbed of $k (n1..n$k)"
        rate[$node]=${arg#*=} ;;
      *) die "up: unknown argument '$arg' (expected --rate RATE or NODE=RATE)" ;;
    esac
  done
  for node in "${!rate[@]}" default; do
    local r=${rate[$node]:-$default_rate}
    [ -z "$r" ] || rate_bits "$r" >/dev/null || die "bad rate '$r' (expected e.g. 100mbit, 1gbit)"
  done

  cmd_down
  # A half-built testbed is torn down rather than left for the next user to trip on.
  tb_built=0   # global: the EXIT trap may run outside this function
  trap '[ "$tb_built" = 1 ] || { echo "testbed: up failed; tearing down" >&2; cmd_down; }' EXIT
  cores=$(physical_cores)
  mkdir -p "$TB_STATE" /etc/netns

  ip netns add "$TB_BRIDGE_NS"
  ip -n "$TB_BRIDGE_NS" link add name br0 type bridge
  ip -n "$TB_BRIDGE_NS" link set br0 up

  local hosts="127.0.0.1 localhost"$'\n'
  for i in $(seq "$k"); do hosts+="$TB_NET.$i n$i"$'\n'; done

  : >"$TB_STATE/hostfile"
  for i in $(seq "$k"); do
    node=n$i
    ns=$(tb_ns "$node")
    ip netns add "$ns"
    # Made inside the bridge namespace with its peer created directly in the node's: no
    # interface ever appears in the root namespace. The node sees eth0; the bridge, n<i>.
    ip -n "$TB_BRIDGE_NS" link add name "$node" type veth peer name eth0 netns "$ns"
    ip -n "$TB_BRIDGE_NS" link set "$node" master br0 up
    ip -n "$ns" link set lo up
    ip -n "$ns" addr add "$TB_NET.$i/24" dev eth0
    ip -n "$ns" link set eth0 up
    local r=${rate[$node]:-$default_rate}
    if [ -n "$r" ]; then
      shape "$ns" eth0 "$r"            # node -> bridge
      shape "$TB_BRIDGE_NS" "$node" "$r"  # bridge -> node
    fi
    # `ip netns exec NS` bind-mounts /etc/netns/NS/hosts over /etc/hosts.
    mkdir -p "/etc/netns/$ns"
    printf '%s' "$hosts" >"/etc/netns/$ns/hosts"
    echo "$node slots=$cores" >>"$TB_STATE/hostfile"
    echo "$node ${r:-unshaped}" >>"$TB_STATE/nodes"
  done
  echo "$spec" >"$TB_STATE/spec"
  tb_built=1
  echo "testbed: $k node(s) up (n1..n$k on $TB_SUBNET, $cores slot(s) each; hostfile $TB_STATE/hostfile)"
}

require_up() {
  [ -f "$TB_STATE/nodes" ] || die "no testbed is up (prefix $TB_PREFIX): run testbed.sh up K"
}

# "RX TX" byte counters of NODE's eth0, from the kernel's statistics for the device.
cmd_bytes() {
  [ $# -eq 1 ] || die "usage: testbed.sh bytes NODE"
  require_up
  grep -q "^$1 " "$TB_STATE/nodes" || die "no node $1 in this testbed"
  local ns
  ns=$(tb_ns "$1")
  ip netns exec "$ns" cat /sys/class/net/eth0/statistics/rx_bytes /sys/class/net/eth0/statistics/tx_bytes |
    paste -d ' ' - -
}

# Up unless the testbed that is up was made by exactly these arguments (and still exists):
# tests call it first, so a test finds its testbed even if another's ran in between.
cmd_ensure() {
  local ns ok=1
  if [ "$(cat "$TB_STATE/spec" 2>/dev/null)" = "$*" ]; then
    while read -r ns; do
      [ -e "/run/netns/$(tb_ns "$ns")" ] || ok=0
    done < <(awk '{print $1}' "$TB_STATE/nodes")
    [ -e "/run/netns/$TB_BRIDGE_NS" ] || ok=0
    [ "$ok" = 0 ] || { echo "testbed: already up ($*)"; return 0; }
  fi
  cmd_up "$@"
}

# A node dies: every process in its namespace is killed at once, without warning.
cmd_kill() {
  [ $# -eq 1 ] || die "usage: testbed.sh kill NODE"
  require_up
  grep -q "^$1 " "$TB_STATE/nodes" || die "no node $1 in this testbed"
  local pids
  pids=$(ip netns pids "$(tb_ns "$1")")
  # shellcheck disable=SC2086  # one pid a word
  [ -z "$pids" ] || kill -9 $pids 2>/dev/null || true
  echo "testbed: killed $1 ($(wc -w <<<"$pids") process(es))"
}

cmd_status() {
  if [ ! -f "$TB_STATE/nodes" ]; then
    echo "no testbed up (prefix $TB_PREFIX)"
    [ -z "$(our_namespaces)" ] || echo "but namespaces remain: $(our_namespaces | tr '\n' ' ')(testbed.sh down removes them)"
    return 1
  fi
  local node r i=0 ns rx tx
  printf '%-5s %-14s %-12s %-10s %-9s %14s %14s\n' node namespace address rate processes rx_bytes tx_bytes
  while read -r node r; do
    i=$((i + 1))
    ns=$(tb_ns "$node")
    read -r rx tx < <(cmd_bytes "$node")
    printf '%-5s %-14s %-12s %-10s %-9s %14s %14s\n' "$node" "$ns" "$TB_NET.$i" "$r" \
      "$(ip netns pids "$ns" | wc -l)" "$rx" "$tx"
  done <"$TB_STATE/nodes"
  echo "hostfile: $TB_STATE/hostfile"
}

# Everything `up` needs, tried for real in a throwaway namespace.
cmd_can_run() {
  local missing=() c
  [ "$(id -u)" = 0 ] || { echo "testbed: needs root (network namespaces, veth, tc)"; return 1; }
  for c in ip tc unshare hostname lscpu mpirun; do
    command -v "$c" >/dev/null || missing+=("$c")
  done
  [ ${#missing[@]} -eq 0 ] || { echo "testbed: missing command(s): ${missing[*]}"; return 1; }
  local probe=$TB_PREFIX-probe$$ out
  if ! out=$(ip netns add "$probe" 2>&1); then
    echo "testbed: cannot create a network namespace: $out"
    return 1
  fi
  out=$( {
    ip -n "$probe" link add name br0 type bridge &&
      ip -n "$probe" link add name tbA type veth peer name tbB &&
      ip -n "$probe" link set tbA master br0 &&
      tc -n "$probe" qdisc add dev tbA root tbf rate 1gbit burst 125000 latency 20ms &&
      ip netns exec "$probe" unshare --uts sh -c 'hostname probe && [ "$(hostname)" = probe ]'
  } 2>&1) || {
    ip netns delete "$probe"
    echo "testbed: this machine cannot host a testbed: ${out:-a step failed}"
    return 1
  }
  ip netns delete "$probe"
  echo "testbed: this machine can host a testbed"
}

[ $# -ge 1 ] || die "usage: testbed.sh up|ensure K [--rate RATE] [NODE=RATE ...] | down | kill NODE | status | bytes NODE | nodes | hostfile | can-run"
cmd=$1
shift
case $cmd in
  up) cmd_up "$@" ;;
  ensure) cmd_ensure "$@" ;;
  kill) cmd_kill "$@" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  bytes) cmd_bytes "$@" ;;
  nodes) require_up; awk '{print $1}' "$TB_STATE/nodes" ;;
  hostfile) require_up; echo "$TB_STATE/hostfile" ;;
  can-run) cmd_can_run ;;
  *) die "unknown command '$cmd' (up, ensure, down, kill, status, bytes, nodes, hostfile, can-run)" ;;
esac
