#!/usr/bin/env bash
# Packs Composer.Analyzers and Composer.Runtime (one version, from Directory.Build.props) into a local
# folder feed: artifacts/feed, or the folder given as $1. A second argument overrides the version.
set -euo pipefail
cd "$(dirname "$0")/../.."
feed="${1:-artifacts/feed}"
mkdir -p "$feed"
version=()
[ -n "${2:-}" ] && version=("-p:Version=$2")
dotnet pack src/Analyzers/Composer.Analyzers.csproj -c Release -o "$feed" -nologo -v q -p:ContinuousIntegrationBuild=true "${version[@]}"
dotnet pack src/Runtime/Composer.Runtime.csproj -c Release -o "$feed" -nologo -v q -p:ContinuousIntegrationBuild=true "${version[@]}"
echo "Packed into $feed:"; ls -1 "$feed"
