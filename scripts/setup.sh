#!/usr/bin/env bash
# Installs whatever the two README commands need and is missing, and skips what is already
# there at the right version. Usage: scripts/setup.sh serve|test|bench (bench: test + twiggy)
# Everything comes from the package registries: crates.io, npm and Debian. Nothing downloads a
# browser or a prebuilt tool from anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."

purpose=${1:-serve}
TRUNK_VERSION=0.21.14
BINARYEN_MAJOR=132

say() { printf '==> %s\n' "$*"; }
cannot() {
  printf '\nCannot install %s automatically here.\nRun this, then run the make command again:\n\n    %s\n\n' "$1" "$2" >&2
  exit 1
}
is_debian() { [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; }
is_root() { [ "$(id -u)" = 0 ]; }

# Rust itself cannot come from a package registry: it must be there already.
command -v cargo >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1 \
  || cannot "the Rust toolchain (cargo and rustup)" "see https://rustup.rs, then open a new shell"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
  || { if is_debian && is_root; then say "Installing Node.js and npm (apt)"; apt-get update -qq; apt-get install -y -qq nodejs npm;
       else cannot "Node.js and npm" "sudo apt-get install -y nodejs npm"; fi; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32 target: already installed"
else
  say "Installing the wasm32-unknown-unknown target (rustup)"
  rustup target add wasm32-unknown-unknown
fi

if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION: already installed"
else
  say "Installing trunk $TRUNK_VERSION from crates.io (about 7 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WBG_VERSION" ] || { echo "Cargo.lock does not name a wasm-bindgen version" >&2; exit 1; }
if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WBG_VERSION"; then
  say "wasm-bindgen CLI $WBG_VERSION: already installed"
else
  say "Installing the wasm-bindgen CLI $WBG_VERSION, matching Cargo.lock (about 3 minutes)"
  # Not --locked: the CLI's own lockfile pins a crate the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -x node_modules/.bin/wasm-opt ] && [ "$(cat node_modules/.lock-hash 2>/dev/null)" = "$lock_hash" ]; then
  say "npm packages: already installed"
else
  say "Installing npm packages (binaryen's wasm-opt, Playwright, axe-core) without any browser download"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.lock-hash
fi
node_modules/.bin/wasm-opt --version | grep -q "version $BINARYEN_MAJOR" \
  || { echo "node_modules/.bin/wasm-opt is not binaryen $BINARYEN_MAJOR" >&2; exit 1; }

if [ "$purpose" = test ] || [ "$purpose" = bench ]; then
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    say "Chromium and ChromeDriver: already installed ($(/usr/bin/chromium --version 2>/dev/null | head -1))"
  elif is_debian && is_root; then
    say "Installing Debian's chromium and chromium-driver (apt)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  elif is_debian; then
    cannot "Chromium" "sudo apt-get install -y chromium chromium-driver"
  else
    cannot "Chromium" "install Chromium and ChromeDriver so that /usr/bin/chromium and /usr/bin/chromedriver exist (on Debian: sudo apt-get install -y chromium chromium-driver)"
  fi
fi

if [ "$purpose" = bench ]; then
  # The benchmark's size-by-crate table reads the wasm with twiggy.
  if twiggy --version >/dev/null 2>&1; then
    say "twiggy: already installed"
  else
    say "Installing twiggy from crates.io for the size breakdown (about 1 minute)"
    cargo install twiggy --locked
  fi
fi

say "Fetching crates so the build can run offline"
cargo fetch --quiet
