#!/usr/bin/env bash
# Every benchmark at a small size, on the Release build test.sh made: CI runs this after the tests so the benchmark programs
# keep working (a failed exactly-once check or a crash fails CI). Their figures on a shared CI machine are not the recorded
# ones (docs/perf.md has those, full size, with their commands).
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo "== dotnet run -c Release --project bench/$1 -- ${*:2}"; dotnet run -c Release --no-build --project "bench/$1" -- "${@:2}"; }
run Ecf.Bench.Storage --quick
run Ecf.Bench.LocalRuntime --quick
run Ecf.Bench.Gias --quick
run Ecf.Bench.People --quick
run Ecf.Bench.People --list --people 5000 --clients 2 --syncs 1
run Ecf.Bench.People --status-refresh --quick
run Ecf.Bench.People --declarations --quick
