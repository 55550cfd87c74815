#!/usr/bin/env bash
# Builds the widget and the reference server, then starts the server in local mode (SQLite in
# ./data, seeded catalog) serving the demo page. Installs what is missing first. Ctrl-C stops it.
# Extra arguments go to the server, e.g. `scripts/run.sh --port 9000`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

step "Checking tools (installs only what is missing)"
ensure_disk_space 2
ensure_wasm_target
ensure_wasm_bindgen
ensure_wasm_pack
ensure_node_modules

"$ROOT/scripts/build-widget.sh"

step "Building the reference server"
cargo build --profile server -p widget-server

step "Starting the reference server in local mode (Ctrl-C stops it)"
exec "$ROOT/target/server/endgrate-widget-server" --static-dir "$ROOT/dist" "$@"
