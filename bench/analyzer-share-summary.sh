#!/usr/bin/env bash
# Summarises one `dotnet build -p:ReportAnalyzer=true -v:detailed -clp:PerformanceSummary` log as Markdown
# that pastes into bench/README.md: the whole build's time, the compiler's (Csc task) time, all analyzers'
# time, Composer.Analyzers' time per analyzer type, and our share of the compiler's and of the whole build's time.
#
#   bash bench/analyzer-share-summary.sh BUILD.LOG [LABEL]
#
# Denominator: the Csc task's wall time from MSBuild's task performance summary, i.e. the compiler
# (parse, bind, emit, and analyzers, which run concurrently with emit). It excludes restore, evaluation
# and copying, which a real build also pays, so it is the stricter of the two; the whole build's
# `Time Elapsed` is printed beside it. Analyzer times are the compiler's `/reportanalyzer` times: summed
# over the threads that ran callbacks, so they can exceed what they add to wall time on 2 cores.
# If the log has several Csc calls (several projects), their times and reports are summed.
set -euo pipefail
log="$1"
label="${2:-$(basename "$(dirname "$log")")}"

awk -v label="$label" '
  function secs(s) { sub(/^</, "", s); return s + 0 }
  /Time Elapsed [0-9]+:[0-9]+:[0-9.]+/ {
    split($NF, t, ":"); build = t[1] * 3600 + t[2] * 60 + t[3]
  }
  /Task Performance Summary:/ { intasks = 1; next }
  intasks && $2 == "ms" && $3 == "Csc" { csc += $1 / 1000; calls += $4 }
  intasks && /^[[:space:]]*$/ { if (csc > 0) intasks = 0 }
  /Total analyzer execution time:/ { analyzers += $(NF - 1); reports++ }
  /Total generator execution time:/ { generators += $(NF - 1) }
  # The report line for our assembly: "   0.451   60   Composer.Analyzers, Version=...".
  $3 == "Composer.Analyzers," && $1 ~ /^<?[0-9.]+$/ { ours += secs($1) }
  # Per analyzer type: "   0.190   13      Composer.Analyzers.EpochAnalyzer (CMP001, …, CMP006)". Today one type runs every
  # rule (the compiler cannot time rules one by one then); an image from before 2026-12-05 had a type per rule.
  $3 ~ /^Composer\.Analyzers\./ && $1 ~ /^<?[0-9.]+$/ {
    name = $3; sub(/^Composer\.Analyzers\.(Rules\.)?/, "", name)
    if (!(name in rule)) order[++nrules] = name
    rule[name] += secs($1)
  }
  /^[[:space:]]*[0-9]+ Error\(s\)/ { errors = $1 }
  /^[[:space:]]*[0-9]+ Warning\(s\)/ { warnings = $1 }
  END {
    if (reports == 0) { print "no analyzer report in the log (was -p:ReportAnalyzer=true -v:detailed given?)" > "/dev/stderr"; exit 1 }
    printf "#### %s\n\n", label
    printf "| Measure | Seconds | Share taken by Composer.Analyzers |\n|---|---|---|\n"
    printf "| Whole `dotnet build` (`Time Elapsed`) | %.2f | %.2f %% |\n", build, (build > 0 ? 100 * ours / build : 0)
    printf "| Compiler (`Csc` task, %d call%s) — **the denominator** | %.2f | **%.2f %%** |\n", calls, (calls == 1 ? "" : "s"), csc, (csc > 0 ? 100 * ours / csc : 0)
    printf "| All analyzers (`Total analyzer execution time`) | %.3f | %.0f %% of all analyzer time |\n", analyzers, (analyzers > 0 ? 100 * ours / analyzers : 0)
    printf "| Composer.Analyzers | %.3f | |\n", ours
    for (i = 1; i <= nrules; i++) printf "| &nbsp;&nbsp;%s | %.3f | %.2f %% of csc |\n", order[i], rule[order[i]], (csc > 0 ? 100 * rule[order[i]] / csc : 0)
    if (generators > 0) printf "| (source generators, for reference) | %.3f | |\n", generators
    printf "\nBuild: %s error(s), %s warning(s), %d analyzer report(s).\n", (errors == "" ? "?" : errors), (warnings == "" ? "?" : warnings), reports
    printf "\nOne row per run:\n\n"
    printf "| Code base | Whole build | Csc | All analyzers | Composer.Analyzers | Share of Csc | Share of build |\n|---|---|---|---|---|---|---|\n"
    printf "| %s | %.2f s | %.2f s | %.3f s | %.3f s | %.2f %% | %.2f %% |\n", label, build, csc, analyzers, ours, (csc > 0 ? 100 * ours / csc : 0), (build > 0 ? 100 * ours / build : 0)
  }
' "$log"
