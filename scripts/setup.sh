#!/usr/bin/env bash
# Installs what building and testing AzraCode needs on a fresh Debian machine.
# Idempotent: anything already present is skipped.
set -euo pipefail
source "$(dirname "$0")/env.sh"

log() { printf '[setup] %s\n' "$*"; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# clang + libclang-dev: bindgen; protobuf-compiler: litep2p's build script; chromium:
# the headless browser the dashboard's e2e test drives (Debian's, at /usr/bin/chromium:
# puppeteer-core brings no browser of its own).
apt_packages=(clang libclang-dev protobuf-compiler pkg-config make chromium)
missing=()
for pkg in "${apt_packages[@]}"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
	log "installing apt packages: ${missing[*]}"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
	log "apt packages present"
fi

# rust-toolchain.toml pins the toolchain and lists its components and targets; rustup
# adds what is missing when cargo first runs. The checks below say so up front.
if ! rustup component list --installed | grep -q '^rustfmt'; then
	log "adding rust component rustfmt"
	rustup component add rustfmt
fi

# The runtime builds to Wasm; substrate-wasm-builder uses wasm32-unknown-unknown + rust-src.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
	log "adding rust target wasm32-unknown-unknown"
	rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed | grep -q '^rust-src'; then
	log "adding rust component rust-src"
	rustup component add rust-src
fi

# The e2e runner uses node:test and the APIs of Node 20 and later.
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$node_major" -lt 20 ]; then
	log "Node.js 20 or later is needed for the e2e tests (found: $(node -v 2>/dev/null || echo none))"
	exit 1
fi

# The e2e tests drive a node with @polkadot/api and the dashboard with puppeteer-core,
# pinned by the committed package-lock. A clone installed before puppeteer-core was added
# has @polkadot/api only, hence both checks.
e2e_modules="$AZRA_ROOT/scripts/e2e/node_modules"
if [ ! -d "$e2e_modules/@polkadot/api" ] || [ ! -d "$e2e_modules/puppeteer-core" ]; then
	log "installing e2e npm packages"
	(cd "$AZRA_ROOT/scripts/e2e" && npm ci --no-audit --no-fund --loglevel=error)
else
	log "e2e npm packages present"
fi

# The dashboard serves Chart.js and the polkadot.js browser bundles from its own
# node_modules, pinned by its package-lock.
if [ ! -d "$AZRA_ROOT/scripts/dashboard/node_modules/chart.js" ]; then
	log "installing dashboard npm packages"
	(cd "$AZRA_ROOT/scripts/dashboard" && npm ci --no-audit --no-fund --loglevel=error)
else
	log "dashboard npm packages present"
fi

log "done (cargo target dir: $CARGO_TARGET_DIR)"
