#!/usr/bin/env bash
# Runs every test: format check, the whole workspace's Rust tests (pallets, runtime,
# benchmarks as tests), the economy simulation's built-in scenarios, the short fault test
# of a 4-validator local network, then the end-to-end tests against real nodes (the
# dashboard's in headless Chromium).
# Exits non-zero on the first failure.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$AZRA_ROOT"

step() { printf '\n=== %s\n' "$*"; }

step "setup"
scripts/setup.sh

step "format check"
cargo fmt --all -- --check

step "dependency rules"
if [ -f ../shared/tools/check-lock.py ]; then
	python3 ../shared/tools/check-lock.py Cargo.lock
fi
if cargo tree -e normal --workspace --prefix none | grep -q '^librocksdb-sys'; then
	echo "RocksDB is compiled into the default build" >&2
	exit 1
fi

step "cargo test --workspace"
cargo test --workspace
# The attestation tests that read Intel's DCAP samples pass without them (each prints a
# `skipped:` line, which cargo test keeps to itself): say so where everyone sees it.
dcap_samples="${AZRA_DCAP_SAMPLES:-$AZRA_ROOT/../shared/fixtures/dcap}"
for sample in sgx_quote sgx_quote_collateral.json tdx_quote tdx_quote_collateral.json; do
	if [ ! -f "$dcap_samples/$sample" ]; then
		echo "skipped: Intel's DCAP sample tests (no $dcap_samples/$sample); every other test ran"
		break
	fi
done

step "benchmarks as tests"
bench_pallets=()
for manifest in pallets/*/Cargo.toml; do
	grep -q '^runtime-benchmarks' "$manifest" && bench_pallets+=(-p "$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1)")
done
if [ "${#bench_pallets[@]}" -gt 0 ]; then
	SKIP_WASM_BUILD=1 cargo test "${bench_pallets[@]}" --features runtime-benchmarks
fi

step "try-runtime: migrations' pre/post checks, every pallet's try_state"
# The runtime builds with `try-runtime` (the TryRuntime API), runs every migration with its
# checks on each preset's state, and the pallets' migration tests run their pre/post checks.
SKIP_WASM_BUILD=1 cargo test -p azra-runtime --features try-runtime --test upgrade
SKIP_WASM_BUILD=1 cargo test -p pallet-burn -p pallet-attestation --features try-runtime -- migrations

step "build the node"
cargo build -p azra-node

step "economy simulation: the built-in scenarios, briefly, through the real runtime"
# Every built-in but the 1,000-epoch `scale` run, cut to 12 epochs; the command fails if a
# run breaks one of its checks (net emission adds up, budgets bounded, attackers no richer).
sim_out="$(mktemp -d)"
"$AZRA_NODE" simulate --epochs 12 --out "$sim_out"
rm -rf "$sim_out"

step "fault tolerance: 4 validators, one killed and restarted (short version)"
scripts/fault-test.sh --short

step "end-to-end tests"
node scripts/e2e/run.mjs
