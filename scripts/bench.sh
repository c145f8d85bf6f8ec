#!/usr/bin/env bash
# Measures AzraCode's pallets and regenerates their weights.rs.
#
#   scripts/bench.sh                 every AzraCode pallet, and the SDK pallets below
#   scripts/bench.sh burn mint       just these (folder names under pallets/, or an SDK
#                                    pallet below: balances, preimage)
#
# AzraCode's pallets get their weights.rs from scripts/weights-template.hbs. The SDK
# pallets the runtime measures itself (balances: a transfer is what a build is compared
# with; preimage: builders and providers store programs, inputs and outputs in it) get
# runtime/src/weights/pallet_<name>.rs from the CLI's own template, so every weight the
# runtime uses for those calls comes from one machine and one run.
#
# Builds the node with `runtime-benchmarks` (a separate, larger build than the default).
# STEPS and REPEAT may be set in the environment (defaults 50 and 20). PROFILE=release
# measures with an optimised node (host functions, storage and trie code run natively, so
# a debug node overstates weights several times; release is what production weights need).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$AZRA_ROOT"

profile="${PROFILE:-dev}"
cargo build -p azra-node --features runtime-benchmarks --profile "$profile"
node_bin="$CARGO_TARGET_DIR/$([ "$profile" = dev ] && echo debug || echo "$profile")/azra-node"

sdk_pallets=(balances preimage)

pallets=("$@")
if [ "${#pallets[@]}" -eq 0 ]; then
	for dir in pallets/*/; do
		dir="${dir%/}"
		[ -f "$dir/src/benchmarking.rs" ] && pallets+=("${dir#pallets/}")
	done
	pallets+=("${sdk_pallets[@]}")
fi

for name in "${pallets[@]}"; do
	# Folder names use dashes (validator-set), pallet names underscores (pallet_validator_set).
	pallet="pallet_${name//-/_}"
	echo "=== $pallet"
	if [ -d "pallets/$name" ]; then
		output=(--template scripts/weights-template.hbs --output "pallets/$name/src/weights.rs")
	else
		output=(--output "runtime/src/weights/$pallet.rs")
	fi
	"$node_bin" benchmark pallet \
		--chain dev \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "${STEPS:-50}" \
		--repeat "${REPEAT:-20}" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		"${output[@]}"
done
