# shellcheck shell=bash
# Shared by local-testnet.sh and fault-test.sh: starting and stopping the nodes of a
# loopback `local` network, and JSON-RPC queries from bash. Sourced, not run; source
# scripts/env.sh first (it sets AZRA_NODE).
#
# The caller sets testnet_dir (a directory for base paths and logs) and may change
# testnet_p2p_base / testnet_rpc_base; node i then listens on p2p_base+i and rpc_base+i.

testnet_names=(alice bob charlie dave eve ferdie)
testnet_dir=""
testnet_p2p_base=30400
testnet_rpc_base=9950
testnet_pids=() # node index -> pid while it runs, "" once it was stopped

# Validators need a persistent network key: node i gets the fixed key i+1, so Alice's
# peer id is known and the others use her as their bootnode. Dev keys: never in production.
testnet_alice_peer_id=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp

testnet_rpc_port() { echo $((testnet_rpc_base + $1)); }
testnet_log() { echo "$testnet_dir/${testnet_names[$1]}.log"; }

# testnet_start I [NODE-ARGS...]: starts node I in the background on its own base path,
# with NODE-ARGS added to its command line. The log is appended to, so that a node
# restarted on the same base path keeps one log whose earlier runs stay readable.
testnet_start() {
	local i=$1
	shift
	local name="${testnet_names[$i]}"
	local args=(
		--chain local
		--base-path "$testnet_dir/$name"
		--"$name"
		--listen-addr "/ip4/127.0.0.1/tcp/$((testnet_p2p_base + i))"
		--rpc-port "$((testnet_rpc_base + i))"
		--no-prometheus --no-telemetry --no-mdns
		--allow-private-ip
		--node-key "$(printf '%064x' $((i + 1)))"
	)
	if [ "$i" -gt 0 ]; then
		args+=(--bootnodes "/ip4/127.0.0.1/tcp/$testnet_p2p_base/p2p/$testnet_alice_peer_id")
	fi
	"$AZRA_NODE" "${args[@]}" "$@" >>"$(testnet_log "$i")" 2>&1 &
	testnet_pids[i]=$!
}

testnet_running() {
	local pid="${testnet_pids[$1]:-}"
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# testnet_kill I SIGNAL: sends SIGNAL to node I and waits until it is gone, so that its
# ports and database are free when it is started again.
testnet_kill() {
	local pid="${testnet_pids[$1]:-}"
	[ -n "$pid" ] || return 0
	kill -"$2" "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	testnet_pids[$1]=""
}

# Asks every running node to shut down (SIGINT, as Ctrl-C would), and SIGKILLs the ones
# still there after 30 s: an exit trap must not hang on a node stuck in shutdown.
testnet_stop_all() {
	local i pid waited=0 stopped=0
	for i in "${!testnet_pids[@]}"; do
		pid="${testnet_pids[$i]}"
		[ -n "$pid" ] || continue
		kill -INT "$pid" 2>/dev/null || true
		stopped=$((stopped + 1))
	done
	for i in "${!testnet_pids[@]}"; do
		while testnet_running "$i" && [ "$waited" -lt 30 ]; do
			sleep 1
			waited=$((waited + 1))
		done
		testnet_kill "$i" KILL
	done
	# shellcheck disable=SC2034 # read by the callers
	testnet_stopped=$stopped
}

# JSON-RPC over HTTP through Node's fetch: curl and jq are not on every fresh machine,
# Node is (the e2e tests need it). One program, several commands:
#   call PORT METHOD [PARAMS-JSON]  prints the result (a string as is, else as JSON)
#   heights PORT                    prints "BEST FINALIZED" (decimal block numbers)
#   hash PORT N                     prints the hash of block N ("null" if none)
#   wait PORT SECONDS               waits until the RPC answers, then prints "BEST FINALIZED"
#   free PORT...                    exits 1, naming the port, if one of them is taken
# Errors go to stderr with exit status 1.
# shellcheck disable=SC2016 # JavaScript, not shell
_testnet_rpc_js='
const [cmd, port, ...rest] = process.argv.slice(1);
let id = 0;
async function call(method, params = []) {
	const res = await fetch(`http://127.0.0.1:${port}`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }),
		signal: AbortSignal.timeout(10000),
	});
	const body = await res.json();
	if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
	return body.result;
}
const number = (header) => parseInt(header.number, 16);
async function heights() {
	const best = number(await call("chain_getHeader"));
	const finalized = number(await call("chain_getHeader", [await call("chain_getFinalizedHead")]));
	return `${best} ${finalized}`;
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function main() {
	switch (cmd) {
		case "call": {
			const result = await call(rest[0], rest[1] ? JSON.parse(rest[1]) : []);
			return typeof result === "string" ? result : JSON.stringify(result);
		}
		case "heights":
			return heights();
		case "hash":
			return String(await call("chain_getBlockHash", [Number(rest[0])]));
		case "wait": {
			const deadline = Date.now() + Number(rest[0]) * 1000;
			for (;;) {
				try {
					return await heights();
				} catch (e) {
					if (Date.now() > deadline) throw new Error(`no RPC answer on port ${port} in ${rest[0]} s: ${e.message}`);
					await sleep(100);
				}
			}
		}
		case "free": {
			const { createServer } = await import("node:net");
			for (const p of [port, ...rest]) {
				await new Promise((resolve, reject) => {
					const server = createServer();
					server.on("error", () => reject(new Error(`port ${p} on 127.0.0.1 is in use`)));
					server.listen(Number(p), "127.0.0.1", () => server.close(resolve));
				});
			}
			return "free";
		}
		default:
			throw new Error(`unknown command ${cmd}`);
	}
}
main().then(
	(out) => console.log(out),
	(e) => {
		console.error(e.cause ? `${e.message}: ${e.cause.message ?? e.cause}` : e.message);
		process.exit(1);
	},
);
'
testnet_rpc() { node -e "$_testnet_rpc_js" "$@"; }
