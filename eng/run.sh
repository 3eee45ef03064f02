#!/usr/bin/env bash
# The main job: trains the Fashion-MNIST sample (installs the data set and Open MPI when missing).
# Extra arguments go to the sample, e.g.  bash eng/run.sh --epochs 3 --batch-norm
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash eng/prerequisites.sh
dotnet build samples/FashionMnist -c Release -nologo -clp:ErrorsOnly
dotnet samples/FashionMnist/bin/Release/net10.0/FashionMnist.dll "$@"
