#!/usr/bin/env bash
# Runs every test of the project from a fresh clone: installs the npm tools the tests start
# (the Cosmos-protocol server, pinned in infra/local), checks formatting, then builds and tests the solution.
set -euo pipefail
cd "$(dirname "$0")"

# npm ci reinstalls from scratch; skip it when node_modules was installed from this very lock file.
lock_hash=$(sha256sum infra/local/package-lock.json | cut -d' ' -f1)
if [ "$(cat infra/local/node_modules/.ecf-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  npm ci --prefix infra/local --no-audit --no-fund --prefer-offline --loglevel=error
  echo "$lock_hash" > infra/local/node_modules/.ecf-lock-hash
fi
dotnet restore Ecf.Functions.sln
dotnet format Ecf.Functions.sln --no-restore --verify-no-changes
dotnet build Ecf.Functions.sln --no-restore -c Release
dotnet test Ecf.Functions.sln --no-build -c Release "$@"
