#!/usr/bin/env bash
# Startup speed: the published handler against a bare ASP.NET Core app published the same way
# (self-contained linux-x64, ReadyToRun), time from process start to the first 200 on GET /.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
out=artifacts/bench-startup
rm -rf "$out"
for project in src/Microneedling.Functions/Microneedling.Functions.csproj benchmarks/BareAspNetApp/BareAspNetApp.csproj; do
  name=$(basename "$project" .csproj)
  dotnet publish "$project" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -o "$out/$name" -v quiet -nologo
done
dotnet run --project benchmarks/Startup -c Release -- "$runs" \
  "bare ASP.NET Core=$out/BareAspNetApp/BareAspNetApp" \
  "Microneedling.Functions=$out/Microneedling.Functions/Microneedling.Functions"
