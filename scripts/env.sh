# Shared environment for AzraCode's scripts; sourced, not run.
# One cargo target directory outside the clone, so that CI reuses what developers built.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/azra-target}"
AZRA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export AZRA_ROOT
export AZRA_NODE="${AZRA_NODE:-$CARGO_TARGET_DIR/debug/azra-node}"
# litep2p's WebRTC transport asks for a vendored OpenSSL, which would compile OpenSSL's C
# sources in every cold build (minutes on two cores); link Debian's libssl (setup.sh
# installs libssl-dev) instead. Every cargo command must see the same value, or
# openssl-sys and everything above it (the whole networking stack) rebuild: scripts and
# .ci/run source this file; export it in your own shell too (docs/development.md).
export OPENSSL_NO_VENDOR="${OPENSSL_NO_VENDOR:-1}"
