#!/usr/bin/env bash
# Builds the deployable function app: host.json, one folder per function (generated from the
# code), and the handler self-contained for linux-x64 with ReadyToRun; zips it and checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/publish
app=$out/app
rm -rf "$out"
mkdir -p "$app"
dotnet publish src/Microneedling.Functions/Microneedling.Functions.csproj -c Release -r linux-x64 \
  --self-contained true -p:PublishReadyToRun=true -o "$app/handler" -v quiet -nologo
cp host.json "$app/"
"$app/handler/Microneedling.Functions" write-functions "$app"
dotnet run --file scripts/package.cs -- "$app" "$out/microneedling-functions.zip"
