#!/usr/bin/env bash
# Starts N validators (default 4: Alice, Bob, Charlie, Dave, …) of the `local` chain on
# loopback, each with its own base path and ports, and stops them all on Ctrl-C or when
# the script is terminated.
#
#   scripts/local-testnet.sh [N]          run until interrupted
#   AZRA_TESTNET_SECONDS=60 scripts/local-testnet.sh 4
#                                          run for 60 s, then stop and report finality
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
# shellcheck source=scripts/lib/testnet.sh
source "$AZRA_ROOT/scripts/lib/testnet.sh"

count="${1:-4}"
if [ "$count" -lt 1 ] || [ "$count" -gt "${#testnet_names[@]}" ]; then
	echo "usage: $0 [1-${#testnet_names[@]}]" >&2
	exit 2
fi
if [ "$count" -gt 4 ]; then
	echo "note: the local preset has 4 validators (Alice, Bob, Charlie, Dave); extra nodes run as full nodes" >&2
fi

[ -x "$AZRA_NODE" ] || cargo build --workspace --bin azra-node --manifest-path "$AZRA_ROOT/Cargo.toml"

testnet_dir="$(mktemp -d -t azra-local-XXXXXX)"
testnet_p2p_base=30400
testnet_rpc_base=9950
stop_all() {
	testnet_stop_all
	echo "stopped $testnet_stopped nodes; logs and databases in $testnet_dir"
}
# Ctrl-C and SIGTERM exit through the EXIT trap, so the nodes are stopped exactly once.
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for ((i = 0; i < count; i++)); do
	testnet_start "$i"
	echo "${testnet_names[$i]}: rpc ws://127.0.0.1:$((testnet_rpc_base + i)), p2p $((testnet_p2p_base + i)), log $(testnet_log "$i")"
done

sleep 3
for ((i = 0; i < count; i++)); do
	if ! testnet_running "$i"; then
		echo "${testnet_names[$i]} exited at start:" >&2
		tail -5 "$(testnet_log "$i")" >&2
		exit 1
	fi
done

if [ -n "${AZRA_TESTNET_SECONDS:-}" ]; then
	sleep "$AZRA_TESTNET_SECONDS"
	grep -h "finalized #" "$testnet_dir"/*.log | tail -n "$count" || true
	finalized=$(grep -ho "finalized #[0-9]*" "$testnet_dir/alice.log" | tail -1 | tr -dc 0-9)
	echo "alice's last finalized block: ${finalized:-none}"
	[ -n "$finalized" ] && [ "$finalized" -gt 0 ]
else
	echo "running; Ctrl-C stops every node"
	wait
fi
