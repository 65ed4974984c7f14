#!/usr/bin/env bash
# Runs every test layer in order and stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }
export CHROMEDRIVER=/usr/bin/chromedriver

step "Formatting: cargo fmt --check"
cargo fmt --check

step "Lints: cargo clippy (the pure core on the host, the build-time renderer, the browser build), warnings are errors"
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --features ssr --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --features hydrate --all-targets -- -D warnings

step "Layer 1 of 3: host tests (cargo test)"
cargo test --quiet

step "Layer 2 of 3: browser unit tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown --features hydrate --test browser_storage
cargo test --target wasm32-unknown-unknown --features hydrate --test browser_crypto

step "Release build (trunk, offline)"
scripts/build.sh

step "Layer 3 of 3: end-to-end tests (Playwright with /usr/bin/chromium)"
npx playwright test
