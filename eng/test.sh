#!/usr/bin/env bash
# Runs every test of the project and ends with one line: "N passed, N failed".
# Installs what it needs (Debian packages, NuGet restore, the TorchSharp native step runs in the build).
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash eng/prerequisites.sh || { echo "0 passed, 1 failed"; exit 1; }

results="artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

if ! dotnet build Composer.Analyzers.sln -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
# One code style (.editorconfig): a file that `dotnet format` would change counts as a failed test.
style_failed=0
if ! dotnet format Composer.Analyzers.sln --verify-no-changes --no-restore -v q; then
  echo "style: run 'dotnet format Composer.Analyzers.sln' and commit what it changes"
  style_failed=1 status=1
fi

for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  # Projects that must run under mpirun say so with a marker file and are run by eng/test-mpi.sh.
  [ -f "$(dirname "$project")/.mpi" ] && continue
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

if [ -f eng/test-mpi.sh ]; then
  bash eng/test-mpi.sh "$results" || status=1
fi

passed=0 failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
passed=$((passed + 1 - style_failed)); failed=$((failed + style_failed))
[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
