#!/usr/bin/env bash
# Builds the release node and runtime from the committed Cargo.lock (`--locked`: nothing
# is resolved anew) and prints where they are and the runtime's hash.
#
#   scripts/build-release.sh
#
# The hash printed is BLAKE2-256 of the compressed runtime blob, the bytes a chain stores
# as its code: compare it with the code hash a running chain reports (or with another
# machine's build of the same commit). docs/development.md says what makes two builds
# match.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$AZRA_ROOT"

"$AZRA_ROOT/scripts/setup.sh"
cargo build --release --locked -p azra-node

node_bin="$CARGO_TARGET_DIR/release/azra-node"
wasm="$CARGO_TARGET_DIR/release/wbuild/azra-runtime/azra_runtime.compact.compressed.wasm"
[ -f "$wasm" ] || { echo "no runtime blob at $wasm" >&2; exit 1; }

version="$("$node_bin" --version)"
printf '\nnode    : %s (%s)\n' "$node_bin" "$version"
printf 'runtime : %s (%s bytes)\n' "$wasm" "$(stat -c %s "$wasm")"
printf 'runtime blake2-256 : 0x%s\n' "$(b2sum -l 256 "$wasm" | cut -d' ' -f1)"
printf 'runtime sha-256    : %s\n' "$(sha256sum "$wasm" | cut -d' ' -f1)"
