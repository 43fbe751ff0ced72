#!/usr/bin/env bash
# Lists which folders of the function app use which (read from the compiled IL) and checks the rules:
# no loops, shared folders use no feature, Storage and Domain use nothing above them.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/Microneedling.Functions.Tests -c Release --nologo -v quiet \
  --filter "FullyQualifiedName~Microneedling.Functions.Tests.Architecture" --logger "console;verbosity=detailed" \
  | sed -n '/Standard Output Messages:/,/^$/p'
