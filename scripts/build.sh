#!/usr/bin/env bash
# Builds the release app into dist/ (or $DIST) with locally installed tools only.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline --dist "${DIST:-dist}"
