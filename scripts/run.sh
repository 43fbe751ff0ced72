#!/usr/bin/env bash
# Runs the API locally on Azurite, installing what it needs. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/lib/ensure-node-tools.sh

table_port=$(scripts/lib/free-port.sh "${AZURITE_TABLE_PORT:-10002}")
api_url=${API_URL:-http://127.0.0.1:$(scripts/lib/free-port.sh 7071)}
mkdir -p .azurite
node node_modules/azurite/dist/src/table/main.js --disableTelemetry --silent \
  --tableHost 127.0.0.1 --tablePort "$table_port" --location .azurite &
azurite_pid=$!
app_pid=
stop() {
  kill $app_pid "$azurite_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM
scripts/lib/wait-for-port.sh "$table_port" 30

export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
export DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Development}
export ASPNETCORE_ENVIRONMENT=$DOTNET_ENVIRONMENT
export Email__Sender=Outbox Email__OutboxFolder="$PWD/.outbox"
export Api__PublicUrl=${Api__PublicUrl:-$api_url/}
dotnet build src/Microneedling.Functions -c Release -v quiet -nologo
out=$PWD/src/Microneedling.Functions/bin/Release/net10.0
dotnet "$out/Microneedling.Functions.dll" --urls "$api_url" --contentRoot "$out" &
app_pid=$!
scripts/lib/wait-for-port.sh "${api_url##*:}" 60 "$app_pid"
echo "Azurite Table Storage: http://127.0.0.1:$table_port/devstoreaccount1 (data in .azurite/)"
echo "API: $api_url   health: $api_url/api/health   (Ctrl+C stops the API and Azurite)"
echo "Booking page: $api_url/book   (emails link to $Api__PublicUrl)"
echo "Emails: $PWD/.outbox/ (one .eml file per email; open them in any mail client)"
wait "$app_pid"
