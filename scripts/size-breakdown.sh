#!/usr/bin/env bash
# Where the widget's gzip bytes are. Builds the release wasm with readable (v0) symbol names in its
# own target directory (a full build the first time, a few minutes), keeps the names through
# wasm-bindgen and wasm-opt -Oz, and prints each area's marginal gzip bytes. Not part of the tests.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_node_modules

TARGET="${CARGO_TARGET_DIR:-$ROOT/target}/size-breakdown"
OUT="$TARGET/out"
step "Building the release wasm with v0 symbol names (target/size-breakdown)"
RUSTFLAGS="-C symbol-mangling-version=v0" CARGO_TARGET_DIR="$TARGET" \
  cargo build --release --target wasm32-unknown-unknown -p endgrate-session-widget
rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --keep-debug --target web --no-typescript --out-dir "$OUT" \
  "$TARGET/wasm32-unknown-unknown/release/endgrate_session_widget.wasm"
wasm-opt -g -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$OUT/endgrate_session_widget_bg.wasm" -o "$OUT/named.wasm"
step "Marginal gzip bytes per area (gzip of all minus gzip without the area)"
python3 "$ROOT/scripts/size_breakdown.py" "$OUT/named.wasm"
