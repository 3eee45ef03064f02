#!/usr/bin/env bash
# The distributed tests: real Open MPI jobs of 2, 3 and 4 processes (oversubscribed on small machines),
# then the failure jobs (2, 3 and 4 processes each) and the elastic-resume jobs (2 → 1, 1 → 2, 2 → 3), started from one process.
# Each writes a TRX file into the results folder ($1), which eng/test.sh counts with the rest.
set -uo pipefail
cd "$(dirname "$0")/.."
results="${1:-artifacts/test-results}"
dll=tests/Distributed.Tests/bin/Debug/net10.0/Composer.Distributed.Tests.dll
status=0

run() { # name, command...
  local trx="$results/$1.trx"; shift
  timeout 600 "$@" --trx "$trx" || status=1
  # A job that died before writing its results still counts, as one failure.
  [ -f "$trx" ] || printf '<TestRun><ResultSummary outcome="Failed"><Counters total="1" executed="1" passed="0" failed="1" /></ResultSummary></TestRun>\n' > "$trx"
}

for n in 2 3 4; do
  run Composer.Distributed.Tests.mpi$n mpirun --allow-run-as-root --oversubscribe -np $n dotnet "$dll"
done
run Composer.Distributed.Tests.failure dotnet "$dll" --failure
run Composer.Distributed.Tests.elastic dotnet "$dll" --elastic
exit $status
