#!/usr/bin/env bash
# Builds Composer.Analyzers (Release) and prints the analyzer assembly a user's `dotnet build` gets from the package:
# the precompiled (ReadyToRun) image for the SDK's platform when the package has one, else the platform-neutral one.
# PRECOMPILED=0 prints the platform-neutral assembly always (what Visual Studio and other platforms load).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Analyzers/Composer.Analyzers.csproj -c Release -nologo -v q >/dev/null
bin="$PWD/src/Analyzers/bin/Release/netstandard2.0"
rid=$(dotnet msbuild src/Analyzers/Composer.Analyzers.csproj -getProperty:NETCoreSdkPortableRuntimeIdentifier)
if [ "${PRECOMPILED:-1}" != 0 ] && [ -f "$bin/precompiled/$rid/Composer.Analyzers.dll" ]; then
  echo "$bin/precompiled/$rid/Composer.Analyzers.dll"
else
  echo "$bin/Composer.Analyzers.dll"
fi
