# Shared by scripts/run.sh and scripts/test.sh: progress output and idempotent installs of every
# tool the build and tests need. Each ensure_* returns at once when the tool is already present.
# Sourced, not run; it must not change directory or leave anything running.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
info() { printf '    %s\n' "$*"; }
fail() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version the widget is pinned to; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then return; fi
  step "Installing the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown || fail "could not install the wasm32-unknown-unknown target"
}

ensure_wasm_bindgen() {
  local want have=""
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || fail "Cargo.lock names no wasm-bindgen version"
  if command -v wasm-bindgen >/dev/null; then have="$(wasm-bindgen --version | awk '{print $2}')"; fi
  if [ "$have" = "$want" ]; then return; fi
  step "Installing wasm-bindgen-cli $want (once; about 5 minutes on 2 cores)"
  # Without --locked: the CLI's own lockfile names a crate version the registry may not hold.
  cargo install wasm-bindgen-cli --version "$want" || fail "could not install wasm-bindgen-cli $want"
}

ensure_node_modules() {
  command -v npm >/dev/null || fail "npm is missing: install Node.js 20 or newer (apt-get install nodejs npm)"
  if [ -f "$ROOT/node_modules/.package-lock.json" ] &&
    [ "$ROOT/node_modules/.package-lock.json" -nt "$ROOT/package-lock.json" ]; then
    return
  fi
  step "Installing node packages from package-lock.json (wasm-opt, Playwright, axe)"
  (cd "$ROOT" && npm ci --no-audit --no-fund) || fail "npm ci failed"
}

ensure_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then return; fi
  step "Installing Debian's chromium and chromium-driver (about a minute)"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || fail "chromium is missing and this user cannot install it: run apt-get install chromium chromium-driver as root"
    sudo="sudo"
  fi
  $sudo apt-get update -q || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium chromium-driver ||
    fail "could not install chromium and chromium-driver"
}

ensure_wasm_pack() {
  local want="0.15.1"
  if command -v wasm-pack >/dev/null && wasm-pack --version | grep -q " $want"; then return; fi
  step "Installing wasm-pack $want (once; about 4 minutes on 2 cores)"
  cargo install wasm-pack --version "$want" --locked || fail "could not install wasm-pack $want"
}

ensure_trunk() {
  local want="0.21.14"
  if command -v trunk >/dev/null && trunk --version | grep -q " $want"; then return; fi
  step "Installing trunk $want (once; about 16 minutes on 2 cores)"
  cargo install trunk --version "$want" --locked || fail "could not install trunk $want"
}
