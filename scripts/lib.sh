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

# Stops early, naming the shortfall, when the disk holding the build cannot take what a run writes:
# a fresh clone's full test run writes about 3.1 GB into target/ (measured), the demo about 1 GB.
ensure_disk_space() {
  local need_gb=$1 target="${CARGO_TARGET_DIR:-$ROOT/target}" free_kb
  mkdir -p "$target"
  free_kb="$(df -Pk "$target" | awk 'NR == 2 { print $4 }')"
  if [ "$free_kb" -lt $((need_gb * 1024 * 1024)) ]; then
    fail "only $((free_kb / 1024)) MB free on the disk holding $target; this needs about $need_gb GB"
  fi
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

# Installs Debian packages (`apt_install WHAT pkg...`), with sudo when not root; on failure names
# WHAT and the packages and stops.
apt_install() {
  local what="$1" sudo=""
  shift
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || fail "$what is missing and this user cannot install it: run apt-get install $* as root"
    sudo="sudo"
  fi
  command -v apt-get >/dev/null || fail "$what is missing and this is not a Debian machine: install $* (the Debian names)"
  if [ -z "${APT_UPDATED:-}" ]; then
    $sudo apt-get update -q || fail "apt-get update failed, so $what ($*) could not be installed"
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@" || fail "could not install $what: apt-get install $* failed"
}

ensure_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then return; fi
  step "Installing Debian's chromium and chromium-driver (about a minute)"
  apt_install "Chromium" chromium chromium-driver
}

# Firefox for the cross-engine end-to-end tests and the wasm-bindgen browser tests.
ensure_firefox() {
  if command -v firefox-esr >/dev/null; then return; fi
  step "Installing Debian's firefox-esr (about a minute)"
  apt_install "Firefox" firefox-esr
}

# The path WebKitGTK's MiniBrowser has on Debian 12 (package libwebkit2gtk-4.1-0).
MINIBROWSER="${MINIBROWSER_PATH:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}"

# WebKit: WebKitWebDriver and MiniBrowser (webkit2gtk-driver), and the virtual display they
# run on (xvfb-run).
ensure_webkit() {
  if command -v WebKitWebDriver >/dev/null && [ -x "$MINIBROWSER" ] && command -v xvfb-run >/dev/null; then return; fi
  step "Installing Debian's webkit2gtk-driver and xvfb (WebKit's driver, MiniBrowser, a virtual display; about a minute)"
  apt_install "WebKit (WebKitWebDriver, MiniBrowser) and xvfb" webkit2gtk-driver xvfb
  [ -x "$MINIBROWSER" ] || fail "webkit2gtk-driver is installed but MiniBrowser is not at $MINIBROWSER (set MINIBROWSER_PATH)"
}

# Firefox's WebDriver server, from crates.io: the cross-engine tests and wasm-bindgen-test-runner
# (GECKODRIVER=…) drive Firefox through it.
ensure_geckodriver() {
  local want="0.37.1"
  # Its whole output is read first: `| head -1` would close the pipe under it, and it panics.
  if command -v geckodriver >/dev/null && [[ "$(geckodriver --version 2>/dev/null)" == *"geckodriver $want"* ]]; then return; fi
  step "Installing geckodriver $want (once; about 5 minutes on 2 cores)"
  cargo install geckodriver --version "$want" || fail "could not install geckodriver $want (cargo install geckodriver)"
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
