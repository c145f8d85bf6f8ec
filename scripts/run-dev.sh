#!/usr/bin/env bash
# Builds the node and starts a single-validator development chain on 127.0.0.1.
# Extra arguments go to the node, e.g. `scripts/run-dev.sh --rpc-port 9955`.
set -euo pipefail
source "$(dirname "$0")/env.sh"

"$AZRA_ROOT/scripts/setup.sh"
cargo build --workspace --bin azra-node --manifest-path "$AZRA_ROOT/Cargo.toml"

# The RPC port and listen address are defaults: given on the command line (as
# `--rpc-port N` or `--rpc-port=N`), the caller's value is passed once and ours not at all.
rpc_port=9944
own_rpc_port=(--rpc-port "$rpc_port")
own_listen=(--listen-addr /ip4/127.0.0.1/tcp/30333)
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
	case "${args[$i]}" in
	--rpc-port) rpc_port="${args[$((i + 1))]:-$rpc_port}"; own_rpc_port=() ;;
	--rpc-port=*) rpc_port="${args[$i]#--rpc-port=}"; own_rpc_port=() ;;
	--listen-addr | --listen-addr=*) own_listen=() ;;
	esac
done

cat <<MSG

AzraCode dev chain
  RPC endpoint : ws://127.0.0.1:${rpc_port}
  polkadot.js  : open https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A${rpc_port}
                 or from code: new ApiPromise({ provider: new WsProvider('ws://127.0.0.1:${rpc_port}') })
  Accounts     : Alice (sudo, validator), Bob, Charlie, Dave, Eve, Ferdie — 1,000,000 AZRA each
  State        : temporary (--tmp); stop with Ctrl-C

MSG
exec "$AZRA_NODE" --dev --tmp "${own_rpc_port[@]}" "${own_listen[@]}" "$@"
