#!/usr/bin/env bash
# Installs what building and testing AzraCode needs on a fresh Debian machine.
# Idempotent: anything already present is skipped.
set -euo pipefail
source "$(dirname "$0")/env.sh"

log() { printf '[setup] %s\n' "$*"; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# clang + libclang-dev: bindgen; protobuf-compiler: litep2p's build script; libssl-dev:
# the OpenSSL litep2p's WebRTC links (env.sh: not compiled from source); chromium:
# the headless browser the dashboard's e2e test drives (Debian's, at /usr/bin/chromium:
# puppeteer-core brings no browser of its own).
apt_packages=(clang libclang-dev protobuf-compiler pkg-config make libssl-dev chromium)
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
for component in rustfmt clippy; do
	if ! rustup component list --installed | grep -q "^$component"; then
		log "adding rust component $component"
		rustup component add "$component"
	fi
done

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

# npm packages, pinned by each folder's committed package-lock: the e2e tests (@polkadot/api,
# puppeteer-core, @hpke/* for sealed builds, which scripts/azra.mjs uses too) and the
# dashboard (Chart.js, the polkadot.js browser bundles). A folder is installed again
# whenever its lock differs from the one it was installed from, so a checkout that is
# reused (.ci/run's worktree) never runs with stale packages.
npm_install() {
	local dir="$AZRA_ROOT/$1" stamp="$AZRA_ROOT/$1/node_modules/.azra-package-lock.sha256"
	local want
	want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
		log "$1 npm packages present"
	else
		log "installing $1 npm packages"
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
		echo "$want" >"$stamp"
	fi
}
npm_install scripts/e2e
npm_install scripts/dashboard

log "done (cargo target dir: $CARGO_TARGET_DIR)"
