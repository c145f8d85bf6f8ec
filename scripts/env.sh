# Shared environment for AzraCode's scripts; sourced, not run.
# One cargo target directory outside the clone, so that CI reuses what developers built.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/azra-target}"
AZRA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export AZRA_ROOT
export AZRA_NODE="${AZRA_NODE:-$CARGO_TARGET_DIR/debug/azra-node}"
