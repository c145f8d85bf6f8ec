#!/usr/bin/env bash
# Runs every test: format check, clippy, the whole workspace's Rust tests (pallets, runtime,
# benchmarks as tests), the economy simulation's built-in scenarios, the short fault test
# of a 4-validator local network, then the end-to-end tests against real nodes (the
# dashboard's in headless Chromium).
# Exits non-zero on the first failure.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$AZRA_ROOT"

# Each step prints the wall-clock time it starts at, so a log shows what each step took.
step() { printf '\n=== %s (%s)\n' "$*" "$(date +%T)"; }

step "setup"
scripts/setup.sh

step "format check"
cargo fmt --all -- --check

step "dependency rules"
# ../shared beside the repository, where present (.ci/run says where it is).
shared="${AZRA_SHARED:-$AZRA_ROOT/../shared}"
if [ -f "$shared/tools/check-lock.py" ]; then
	python3 "$shared/tools/check-lock.py" Cargo.lock
fi
if cargo tree -e normal --workspace --prefix none | grep -q '^librocksdb-sys'; then
	echo "RocksDB is compiled into the default build" >&2
	exit 1
fi

step "clippy, every warning an error"
# Check mode: every dependency compiles once more as metadata (cached after the first run),
# without the runtime's Wasm (the native build is what clippy reads).
SKIP_WASM_BUILD=1 cargo clippy --workspace --all-targets -- -D warnings

step "cargo test --workspace"
cargo test --workspace
# The attestation tests that read Intel's DCAP samples pass without them (each prints a
# `skipped:` line, which cargo test keeps to itself): say so where everyone sees it.
dcap_samples="${AZRA_DCAP_SAMPLES:-$shared/fixtures/dcap}"
for sample in sgx_quote sgx_quote_collateral.json tdx_quote tdx_quote_collateral.json; do
	if [ ! -f "$dcap_samples/$sample" ]; then
		echo "skipped: Intel's DCAP sample tests (no $dcap_samples/$sample); every other test ran"
		break
	fi
done

step "benchmarks as tests, migrations' pre/post checks and every try_state (one feature set)"
# Both features in one build: each is a second compile of every FRAME crate, so together
# they cost one. Under `runtime-benchmarks` every pallet's tests run again with its
# benchmarks as tests (`impl_benchmark_test_suite!`); under `try-runtime` the pallets'
# migration tests run their pre/post checks, and the runtime's upgrade test builds the
# TryRuntime API and runs every migration and every pallet's try_state on each preset.
featured_pallets=()
for manifest in pallets/*/Cargo.toml; do
	grep -q '^runtime-benchmarks' "$manifest" && featured_pallets+=(-p "$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -1)")
done
featured=(--features runtime-benchmarks,try-runtime)
SKIP_WASM_BUILD=1 cargo test "${featured_pallets[@]}" -p azra-runtime "${featured[@]}" --lib
SKIP_WASM_BUILD=1 cargo test "${featured_pallets[@]}" -p azra-runtime "${featured[@]}" --test upgrade

step "build the node"
# `--workspace` resolves features exactly as the workspace tests did, so only the node's
# own crate compiles here (`-p azra-node` would resolve them for the node alone).
cargo build --workspace --bin azra-node

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
