#!/usr/bin/env bash
# The main job: trains the Fashion-MNIST sample (installs the data set and Open MPI when missing).
# Extra arguments go to the sample, e.g.  bash eng/run.sh --epochs 3 --no-ema
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash eng/prerequisites.sh
dotnet build samples/FashionMnist -c Release -nologo -clp:ErrorsOnly
# glibc would hand the freed activations of every batch back to the kernel and fault them in again: about 25 s of
# system time in a 10-epoch run (samples/FashionMnist/README.md). Other C libraries ignore these variables.
MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}" MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-4294967296}" \
  dotnet samples/FashionMnist/bin/Release/net10.0/FashionMnist.dll "$@"
