#!/usr/bin/env bash
# Serves the live dashboard of an AzraCode chain (supply, epochs, parameters, pending
# governance, builds, providers) and prints its URL; it reads the node's public RPC only.
#
#   scripts/dashboard.sh [--port 8090] [--node ws://127.0.0.1:9944] [--host 127.0.0.1]
#
# `--host 0.0.0.0` serves it to other machines too (e.g. a phone on the same network);
# the node's RPC must then be reachable from them as well.
set -euo pipefail
source "$(dirname "$0")/env.sh"

dashboard="$AZRA_ROOT/scripts/dashboard"
# Chart.js and the polkadot.js bundles come from the dashboard's own node_modules, pinned
# by its package-lock.
if [ ! -f "$dashboard/node_modules/chart.js/dist/chart.umd.js" ] ||
	[ ! -f "$dashboard/node_modules/@polkadot/api/bundle-polkadot-api.js" ]; then
	echo "[dashboard] installing npm packages"
	(cd "$dashboard" && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "[dashboard] open the URL below in a browser; stop with Ctrl-C"
exec node "$dashboard/serve.mjs" "$@"
