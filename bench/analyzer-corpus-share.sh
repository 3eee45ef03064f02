#!/usr/bin/env bash
# Our analyzers' share of a real `dotnet build -p:ReportAnalyzer=true` of the adversarial corpus
# (tests/Analyzers.Tests/Corpus/Adversarial) built as one project: code where every file is a training loop.
# Leaves out what cannot share one project: top-level programs, projects of several files (Set/Project/*.cs), and six
# files whose names collide with others' (four type names; two namespaces that hide the runtime's State and System.Threading.Tasks.Parallel).
# Prints the Markdown summary of bench/analyzer-share-summary.sh. Needs python3 (to pick the files).
#
#   bash bench/analyzer-corpus-share.sh [RUNS]      # RUNS builds in a row (default 2): the first loads the analyzer cold
#   SERVER=1 bash bench/analyzer-corpus-share.sh 3  # through the compiler server (the SDK's default, which this
#                                                   # machine's environment turns off with UseSharedCompilation=false):
#                                                   # from the second build on, the analyzer is loaded and compiled
#   PRECOMPILED=0 bash bench/analyzer-corpus-share.sh # the platform-neutral analyzer (JIT-compiled in every build)
#                                                   # instead of the precompiled image the package gives this platform
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
runs="${1:-2}"
work="artifacts/analyzer-corpus-share"
rm -rf "$work" && mkdir -p "$work/src"
analyzer=$(bash bench/analyzer-path.sh)
dotnet build src/Runtime/Composer.Runtime.csproj -c Release -nologo -v q >/dev/null
python3 - "$root/tests/Analyzers.Tests/Corpus/Adversarial" "$work/src" <<'PY'
import glob, os, re, shutil, sys
source, target = sys.argv[1], sys.argv[2]
collide = ("StaticFieldLoaderWarmupContinueNoEpoch.cs", "KFoldSamplerOnlyWithFoldAsEpoch.cs", "RunStatePropertyEpochPassedToSetEpoch.cs", "GroupedBatchSamplerSwitchOnSampler.cs", "ParallelForEachTasksSetEpoch.cs", "SelfTrainingSetsEpochOnFirstBatch.cs")
declaration = re.compile(r'^(public|internal|private|protected|sealed|static|abstract|partial|file|record|class|struct|interface|enum|readonly|delegate|using|namespace|//|/\*|\*|\[|\{|\}|#)')
for path in sorted(glob.glob(os.path.join(source, "*", "*.cs"))):
    if path.endswith(collide): continue
    lines = [l for l in open(path, encoding="utf-8").read().split("\n") if l and not l[0].isspace()]
    if all(declaration.match(l) for l in lines):  # no top-level statement
        shutil.copy(path, os.path.join(target, os.path.basename(os.path.dirname(path)) + "_" + os.path.basename(path)))
PY
cat > "$work/Corpus.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings><NoWarn>\$(NoWarn);CS8618;CS8602;CS8604;CS0168;CS0219;CS1998</NoWarn></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="TorchSharp" />
    <Reference Include="$root/src/Runtime/bin/Release/net8.0/Composer.Runtime.dll" />
    <Analyzer Include="$analyzer" />
  </ItemGroup>
</Project>
XML
# The corpus's CMP006 cases are errors by default and would stop the build before emit.
printf 'root = false\n[*.cs]\ndotnet_diagnostic.CMP006.severity = warning\n' > "$work/.editorconfig"
echo "$(ls "$work/src" | wc -l) files, analyzer $analyzer"
dotnet restore "$work/Corpus.csproj" -nologo -v q >/dev/null
server=(); mode="a csc process per build"
if [ "${SERVER:-0}" = 1 ]; then server=(-p:UseSharedCompilation=true); mode="compiler server"; fi
for i in $(seq 1 "$runs"); do
  dotnet build "$work/Corpus.csproj" -c Release -nologo -p:ReportAnalyzer=true -v:detailed -clp:PerformanceSummary \
    --no-incremental --no-restore "${server[@]}" > "$work/build$i.log" || { tail -20 "$work/build$i.log"; exit 1; }
  bash bench/analyzer-share-summary.sh "$work/build$i.log" "Adversarial corpus as one project ($mode), build $i" | tail -1
done
if [ "${SERVER:-0}" = 1 ]; then dotnet build-server shutdown >/dev/null 2>&1 || true; fi
