#!/usr/bin/env bash
# Runs every test: restores, installs the npm tools, runs all test projects (each starts and
# stops its own Azurite on a free loopback port), then publishes the app and checks the package.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/lib/ensure-node-tools.sh

results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test MicroneedlingFunctions.sln -c Release --logger trx --results-directory "$results" || status=$?

scripts/publish.sh || status=$?

passed=0 failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
done
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
echo "tests: $passed passed, $failed failed"
exit "$status"
