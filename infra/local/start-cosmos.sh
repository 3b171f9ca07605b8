#!/usr/bin/env bash
# Starts the pinned Cosmos-protocol server (@vercel/cosmosdb-server, in memory, self-signed TLS) on loopback for manual runs.
# Usage: infra/local/start-cosmos.sh [port]   (default 8081). Stop it with Ctrl+C.
# Then run the app with Storage__Provider=Cosmos Storage__Cosmos__Endpoint=https://127.0.0.1:8081/
#   Storage__Cosmos__Key=bG9jYWwtY29zbW9zLXNlcnZlci1rZXktZm9yLXRlc3Rz Storage__Cosmos__TrustLoopbackCertificate=true
set -euo pipefail
cd "$(dirname "$0")"
port="${1:-8081}"
if [ ! -f node_modules/@vercel/cosmosdb-server/lib/cli.js ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node node_modules/@vercel/cosmosdb-server/lib/cli.js --host 127.0.0.1 --port "$port"
