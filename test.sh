#!/usr/bin/env bash
# Runs every test of the project from a fresh clone: installs the npm tools the tests start
# (the Cosmos-protocol server, pinned in infra/local), checks formatting, then builds and tests the solution.
set -euo pipefail
cd "$(dirname "$0")"

npm ci --prefix infra/local --no-audit --no-fund --loglevel=error
dotnet restore Ecf.Functions.sln
dotnet format Ecf.Functions.sln --no-restore --verify-no-changes
dotnet build Ecf.Functions.sln --no-restore -c Release
dotnet test Ecf.Functions.sln --no-build -c Release "$@"
