#!/usr/bin/env bash
# Builds examples/leptos_app.rs (a Leptos app embedding <SessionWidget/>) for the browser into
# dist/leptos-example/, so the end-to-end tests can drive the Leptos channel like the others.
# A debug build: it is a test fixture, not something shipped.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT="${ESW_DIST:-$ROOT/dist}/leptos-example"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
VERSION="$(awk -F'"' '/^version = / { print $2; exit }' "$ROOT/Cargo.toml")"

step "Building the Leptos example app (examples/leptos_app.rs)"
cargo build --target wasm32-unknown-unknown --example leptos_app
rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" \
  "$TARGET/wasm32-unknown-unknown/debug/examples/leptos_app.wasm"
sed "s|__WIDGET_VERSION__|v$VERSION|" "$ROOT/js/leptos-example/index.html" >"$OUT/index.html"
cp "$ROOT/js/leptos-example/start.js" "$OUT/"
