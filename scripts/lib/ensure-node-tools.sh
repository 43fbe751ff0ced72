#!/usr/bin/env bash
# Installs the pinned npm tools (Azurite, ical.js, esbuild and Preact for the pages, Playwright and
# axe-core for the browser tests) when node_modules is missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm tools (azurite, ical.js, esbuild, preact, playwright, axe-core)..."
  npm ci --no-audit --no-fund --loglevel=error
fi
