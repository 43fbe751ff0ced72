#!/usr/bin/env bash
# Runs every test: restores, installs the npm tools, runs all test projects (each starts and
# stops its own Azurite on a free loopback port), then the browser tests of the patient pages
# (Playwright driving Debian's chromium against the built app on its own Azurite), then
# publishes the app and checks the package.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/lib/ensure-node-tools.sh
scripts/lib/ensure-chromium.sh

results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test MicroneedlingFunctions.sln -c Release --logger trx --results-directory "$results" || status=$?

# Screenshots of every step (phone and desktop width) land in artifacts/browser/screenshots.
rm -rf artifacts/browser
npx playwright test -c tests/browser || status=$?

scripts/publish.sh || status=$?

passed=0 failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
done
# The browser tests' JUnit report: <testsuites tests=".." failures=".." errors=".." skipped="..">.
junit=$results/browser.xml
if [ -f "$junit" ]; then
  suites=$(grep -o '<testsuites [^>]*>' "$junit")
  attr() { sed -E "s/.* $1=\"([0-9]+)\".*/\1/" <<<"$suites"; }
  browser_failed=$(($(attr failures) + $(attr errors)))
  passed=$((passed + $(attr tests) - browser_failed - $(attr skipped)))
  failed=$((failed + browser_failed))
else
  echo "The browser tests wrote no report." >&2
  status=1
fi
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
echo "tests: $passed passed, $failed failed"
exit "$status"
