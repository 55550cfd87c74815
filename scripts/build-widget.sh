#!/usr/bin/env bash
# Builds the widget for the browser into dist/: wasm (release, size profile) → wasm-bindgen
# (--target web) → wasm-opt -Oz, plus the CSS and the demo page, then prints the size report.
# Expects the tools of scripts/lib.sh to be installed; it installs nothing itself.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT="$ROOT/dist"
WIDGET="$OUT/widget"
NAME="endgrate-session-widget"

step "Building the widget (wasm32, release)"
cargo build --release --target wasm32-unknown-unknown -p endgrate-session-widget
rm -rf "$OUT" && mkdir -p "$WIDGET"
wasm-bindgen --target web --no-typescript --out-dir "$WIDGET" --out-name "$NAME" \
  "$ROOT/target/wasm32-unknown-unknown/release/endgrate_session_widget.wasm"
info "wasm-opt -Oz"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$WIDGET/${NAME}_bg.wasm" -o "$WIDGET/${NAME}_bg.wasm"
cat "$ROOT"/style/*.css > "$WIDGET/$NAME.css"
cp "$ROOT"/js/demo/{index.html,demo.js,demo.css} "$OUT/"

step "Size report"
"$ROOT/scripts/size-report.sh" "$WIDGET/${NAME}_bg.wasm" "$WIDGET/$NAME.js" "$WIDGET/$NAME.css"
