#!/usr/bin/env bash
# Measures AzraCode's pallets and regenerates their weights.rs.
#
#   scripts/bench.sh                 every AzraCode pallet
#   scripts/bench.sh burn mint       just these (folder names under pallets/)
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

pallets=("$@")
if [ "${#pallets[@]}" -eq 0 ]; then
	for dir in pallets/*/; do
		dir="${dir%/}"
		[ -f "$dir/src/benchmarking.rs" ] && pallets+=("${dir#pallets/}")
	done
fi

for name in "${pallets[@]}"; do
	echo "=== pallet_$name"
	"$node_bin" benchmark pallet \
		--chain dev \
		--pallet "pallet_$name" \
		--extrinsic '*' \
		--steps "${STEPS:-50}" \
		--repeat "${REPEAT:-20}" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		--template scripts/weights-template.hbs \
		--output "pallets/$name/src/weights.rs"
done
