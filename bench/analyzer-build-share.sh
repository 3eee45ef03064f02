#!/usr/bin/env bash
# Our analyzers' share of a real `dotnet build -p:ReportAnalyzer=true` of a generated 1,000-file training
# project (half with loaders). Prints a Markdown summary (bench/analyzer-share-summary.sh): build time, compiler
# (Csc) time, all analyzers' time, Composer.Analyzers' time per rule and its share of the Csc time.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="artifacts/analyzer-share"
rm -rf "$work" && mkdir -p "$work"
dotnet build bench/Composer.Benchmarks -c Release -nologo -v q >/dev/null
dotnet bench/Composer.Benchmarks/bin/Release/net10.0/Composer.Benchmarks.dll --write-corpus "$work"
bin="$root/bench/Composer.Benchmarks/bin/Release/net10.0"
analyzer=$(bash bench/analyzer-path.sh) # the image the package gives this platform (PRECOMPILED=0: the neutral one)
cat > "$work/Corpus.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="TorchSharp" />
    <Reference Include="$bin/Composer.Runtime.dll" />
    <Analyzer Include="$analyzer" />
  </ItemGroup>
</Project>
XML
dotnet build "$work/Corpus.csproj" -nologo -p:ReportAnalyzer=true -v:detailed -clp:PerformanceSummary \
  --no-incremental > "$work/build.log"
bash bench/analyzer-share-summary.sh "$work/build.log" "Generated training corpus, 1,000 files"
