#!/usr/bin/env bash
# Bytes the app allocates per booking and per availability request under the ApiLoad run:
# dotnet-counters samples the app's total allocated bytes every second while ApiLoad runs, and the
# bytes allocated inside each measured phase are divided by that phase's requests.
# Usage (repository root, after a Release build of the app and ApiLoad): benchmarks/ApiLoad/allocations.sh [SECONDS] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
clients=${2:-16}
out=$(mktemp -d)
dotnet run -c Release --no-build --project benchmarks/ApiLoad -- "$seconds" "$clients" >"$out/table.md" 2>"$out/log.txt" &
load=$!
until pid=$(grep -o 'app pid [0-9]*' "$out/log.txt" 2>/dev/null | cut -d' ' -f3) && [ -n "$pid" ]; do sleep 0.2; done
"${DOTNET_COUNTERS:-dotnet-counters}" collect -p "$pid" --refresh-interval 1 --format csv -o "$out/counters.csv" \
  --counters 'System.Runtime[dotnet.gc.heap.total_allocated]' >/dev/null 2>&1 &
wait "$load"
sleep 1
cat "$out/table.md"
python3 - "$out" <<'PY'
import csv, re, sys, datetime as dt
out = sys.argv[1]
phases = [(m[0], dt.datetime.fromisoformat(m[1][:26]), dt.datetime.fromisoformat(m[2][:26]))
          for m in re.findall(r'phase (.*?): (\S+) to (\S+)', open(f"{out}/log.txt").read())]
rows = []
for r in csv.reader(open(f"{out}/counters.csv")):
    if len(r) >= 5 and 'total_allocated' in r[2]:
        rows.append((dt.datetime.strptime(r[0][:19], "%m/%d/%Y %H:%M:%S") if '/' in r[0] else dt.datetime.fromisoformat(r[0][:19]), float(r[4])))
counts = {m[0]: int(m[1]) for m in re.findall(r'\| (.*?) \| (\d+) \|', open(f"{out}/table.md").read())}
print()
print("| operation | requests | app allocated MB | KB per request |")
print("| --- | --- | --- | --- |")
for name, start, end in phases:
    # Each sample is what was allocated in the second before its (whole-second) timestamp.
    inside = [v for t, v in rows if start < t <= end]
    total = sum(inside)
    print(f"| {name} | {counts[name]} | {total / 1e6:.0f} | {total / counts[name] / 1024:.1f} |")
PY
