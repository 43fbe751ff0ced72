#!/usr/bin/env bash
# Startup speed: the published handler against a bare ASP.NET Core app published the same way
# (self-contained linux-x64, ReadyToRun), time from process start to the first 200 on GET /.
# The handler is started as the Functions host starts it in Azure: FUNCTIONS_CUSTOMHANDLER_PORT set,
# not Development, every app setting the deployment gives it (storage on a local Azurite instead of
# the managed identity; Application Insights pointed at a closed loopback port).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
out=artifacts/bench-startup
rm -rf "$out"
scripts/lib/ensure-node-tools.sh
for project in src/Microneedling.Functions/Microneedling.Functions.csproj benchmarks/BareAspNetApp/BareAspNetApp.csproj; do
  name=$(basename "$project" .csproj)
  dotnet publish "$project" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -o "$out/$name" -v quiet -nologo
done

table_port=$(scripts/lib/free-port.sh)
node node_modules/azurite/dist/src/table/main.js --disableTelemetry --silent --inMemoryPersistence \
  --tableHost 127.0.0.1 --tablePort "$table_port" &
azurite_pid=$!
trap 'kill $azurite_pid 2>/dev/null || true; wait 2>/dev/null || true' EXIT
scripts/lib/wait-for-port.sh "$table_port" 30

table_endpoint=http://127.0.0.1:$table_port/devstoreaccount1
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=$table_endpoint;"
export Storage__TableEndpoint=$table_endpoint Storage__ManagedIdentityClientId=00000000-0000-0000-0000-000000000001
export AzureWebJobsStorage__accountName=devstoreaccount1 AzureWebJobsStorage__credential=managedidentity AzureWebJobsStorage__clientId=00000000-0000-0000-0000-000000000001
export APPLICATIONINSIGHTS_CONNECTION_STRING="InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/"
export Email__Sender=Acs Email__AcsEndpoint=https://bench.invalid/ Email__ManagedIdentityClientId=00000000-0000-0000-0000-000000000001
export Clinic__SenderEmail=bookings@clinic.example Api__PublicUrl=https://bench.invalid/
export Security__ManageTokenKey=$(head -c 32 /dev/urandom | base64)
export ReminderSweepSchedule="0 * * * * *" BookingRecoverySchedule="30 */2 * * * *" PatientDataRetentionSchedule="0 30 3 * * *"

dotnet run --project benchmarks/Startup -c Release -- "$runs" \
  "bare ASP.NET Core=$out/BareAspNetApp/BareAspNetApp" \
  "Microneedling.Functions=$out/Microneedling.Functions/Microneedling.Functions"
