#!/usr/bin/env bash
# The booking page's quality budget: Lighthouse 12.2.3 (mobile emulation) in Debian's chromium
# against the built app on Azurite. Usage: scripts/bench-pages.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/lib/ensure-node-tools.sh
scripts/lib/ensure-chromium.sh
npm ci --prefix benchmarks/lighthouse --no-audit --no-fund --loglevel=error
dotnet build src/Microneedling.Functions -c Release -v quiet -nologo
node benchmarks/lighthouse/run.mjs "${1:-3}"
