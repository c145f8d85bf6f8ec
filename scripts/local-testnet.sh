#!/usr/bin/env bash
# Starts N validators (default 3: Alice, Bob, Charlie, …) of the `local` chain on loopback,
# each with its own base path and ports, and stops them all on Ctrl-C or when the script
# is terminated.
#
#   scripts/local-testnet.sh [N]          run until interrupted
#   AZRA_TESTNET_SECONDS=60 scripts/local-testnet.sh 3
#                                          run for 60 s, then stop and report finality
set -euo pipefail
source "$(dirname "$0")/env.sh"

count="${1:-3}"
names=(alice bob charlie dave eve ferdie)
if [ "$count" -lt 1 ] || [ "$count" -gt "${#names[@]}" ]; then
	echo "usage: $0 [1-${#names[@]}]" >&2
	exit 2
fi
if [ "$count" -gt 3 ]; then
	echo "note: the local preset has 3 validators (Alice, Bob, Charlie); extra nodes run as full nodes" >&2
fi

[ -x "$AZRA_NODE" ] || cargo build -p azra-node --manifest-path "$AZRA_ROOT/Cargo.toml"

base_dir="$(mktemp -d -t azra-local-XXXXXX)"
pids=()
stop_all() {
	for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
	echo "stopped ${#pids[@]} nodes; logs and databases in $base_dir"
}
trap stop_all EXIT INT TERM

# Validators need a persistent network key: node i gets the fixed key i+1, so Alice's
# peer id is known and the others use her as their bootnode. Dev keys: never in production.
alice_peer_id=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
p2p_base=30400
rpc_base=9950

for ((i = 0; i < count; i++)); do
	name="${names[$i]}"
	args=(
		--chain local
		--base-path "$base_dir/$name"
		--"$name"
		--listen-addr "/ip4/127.0.0.1/tcp/$((p2p_base + i))"
		--rpc-port $((rpc_base + i))
		--no-prometheus --no-telemetry --no-mdns
		--allow-private-ip
		--node-key "$(printf '%064x' $((i + 1)))"
	)
	if [ "$i" -gt 0 ]; then
		args+=(--bootnodes "/ip4/127.0.0.1/tcp/$p2p_base/p2p/$alice_peer_id")
	fi
	"$AZRA_NODE" "${args[@]}" >"$base_dir/$name.log" 2>&1 &
	pids+=($!)
	echo "$name: rpc ws://127.0.0.1:$((rpc_base + i)), p2p $((p2p_base + i)), log $base_dir/$name.log"
done

sleep 3
for ((i = 0; i < count; i++)); do
	if ! kill -0 "${pids[$i]}" 2>/dev/null; then
		echo "${names[$i]} exited at start:" >&2
		tail -5 "$base_dir/${names[$i]}.log" >&2
		exit 1
	fi
done

if [ -n "${AZRA_TESTNET_SECONDS:-}" ]; then
	sleep "$AZRA_TESTNET_SECONDS"
	grep -h "finalized #" "$base_dir"/*.log | tail -n "$count" || true
	finalized=$(grep -ho "finalized #[0-9]*" "$base_dir/alice.log" | tail -1 | tr -dc 0-9)
	echo "alice's last finalized block: ${finalized:-none}"
	[ -n "$finalized" ] && [ "$finalized" -gt 0 ]
else
	echo "running; Ctrl-C stops every node"
	wait
fi
