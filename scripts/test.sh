#!/usr/bin/env bash
# Runs every test layer: formatting and lint, native tests (core, server), browser tests
# (wasm-bindgen-test in headless Chromium and headless Firefox), then end-to-end tests (Playwright
# driving Chromium against the real reference server, then the cross-engine scenarios of
# e2e/engines/ over WebDriver in Chromium, Firefox and WebKit), then runs the three benchmarks once,
# briefly. Installs what is missing first; stops at the first failure. The last line adds up the
# passes, in total and per browser engine.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
started=$SECONDS
# Every runner's output is also kept here, so the closing line can add up what ran.
LOG="$(mktemp)"
# …and each browser engine's share of it, for the per-engine count of the last line.
ENGINE_LOGS="$(mktemp -d)"
# Chromium keeps a profile with a cache of each test's ~130 MB debug wasm in TMPDIR and the
# wasm-bindgen test runner does not remove it: the browser tests get a temporary TMPDIR of their own.
BROWSER_TMP="$(mktemp -d)"
trap 'rm -rf "$LOG" "$ENGINE_LOGS" "$BROWSER_TMP"' EXIT
# Tees a runner's output to the whole log and to engine $1's log.
for_engine() { tee -a "$LOG" "$ENGINE_LOGS/$1"; }

step "Checking tools (installs only what is missing)"
ensure_disk_space 5
ensure_wasm_target
ensure_wasm_bindgen
ensure_wasm_pack
ensure_trunk
ensure_node_modules
ensure_chromium
ensure_firefox
ensure_webkit
ensure_geckodriver
info "rustc $(rustc --version | awk '{print $2}'), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), wasm-opt $(wasm-opt --version | awk '{print $3}')"
info "$(chromium --version), $(firefox-esr --version 2>/dev/null), $(geckodriver --version 2>/dev/null | sed -n 1p), WebKitGTK $(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo "(version unknown)")"

step "Formatting (cargo fmt --check)"
cargo fmt --all --check

step "Lint (clippy -D warnings, native and wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p endgrate-session-widget --all-targets -- -D warnings

step "Native tests (core, server)"
cargo test --workspace 2>&1 | tee -a "$LOG"
# The core as the widget uses it: no serde_json, no native URL parser.
cargo test -p widget-core --no-default-features 2>&1 | tee -a "$LOG"

step "Browser tests (wasm-bindgen-test in headless Chromium)"
TMPDIR="$BROWSER_TMP" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --target wasm32-unknown-unknown -p endgrate-session-widget 2>&1 | for_engine chromium

step "Browser tests (wasm-bindgen-test in headless Firefox, the same build)"
TMPDIR="$BROWSER_TMP" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  GECKODRIVER="$(command -v geckodriver)" \
  cargo test --target wasm32-unknown-unknown -p endgrate-session-widget --tests 2>&1 | for_engine firefox

step "Building the widget and the server for end-to-end tests"
"$ROOT/scripts/build-widget.sh"
"$ROOT/scripts/build-leptos-example.sh"
step "Building the Trunk demo (trunk build --release --offline, the installed wasm-bindgen and wasm-opt)"
trunk build --release --offline
cargo build --profile server -p widget-server

step "End-to-end tests (Playwright, Chromium, reference server)"
node --test --test-concurrency=1 e2e/*.test.mjs 2>&1 | for_engine chromium

for engine in chromium firefox webkit; do
  step "End-to-end tests in $engine (e2e/engines/ over WebDriver, reference server)"
  ESW_ENGINE="$engine" node --test --test-concurrency=1 e2e/engines/*.test.mjs 2>&1 | for_engine "$engine"
done

step "Benchmarks, once and briefly (a smoke: they must finish and print; no number is asserted)"
cargo run --profile server -p widget-server --example load -- --brief
node e2e/bench/load-time.mjs --brief
node e2e/bench/mapping.mjs --brief

step "All layers passed in $((SECONDS - started)) s"
# Passes in a log: cargo's `test result:` lines and node's `# pass` lines.
passes() { awk '/^test result:/ { p += $4 } /^# pass / { p += $3 } END { print p + 0 }' "$1"; }
summary="$(awk '/^test result:/ { passed += $4; failed += $6 } /^# pass / { passed += $3 } /^# fail / { failed += $3 }
     END { printf "all layers: %d passed, %d failed", passed, failed }' "$LOG")"
echo "$summary; browser engines: chromium $(passes "$ENGINE_LOGS/chromium"), firefox $(passes "$ENGINE_LOGS/firefox"), webkit $(passes "$ENGINE_LOGS/webkit") passed"
