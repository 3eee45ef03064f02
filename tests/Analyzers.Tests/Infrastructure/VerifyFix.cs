using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Composer.Analyzers.Tests.Infrastructure;

/// <summary>Runs the analyzer and one rule's fix over a small program that references TorchSharp and Composer.Runtime.</summary>
public sealed class FixVerifier<TFixer>(DiagnosticDescriptor rule) where TFixer : CodeFixProvider, new()
{
    public DiagnosticResult Diagnostic() => new(rule);

    /// <summary>
    /// Checks the fix of every diagnostic (one at a time and with Fix All). With <paramref name="globalUsings"/>
    /// false the program brings its own usings, to show the fix adding <c>using Composer.Data;</c>; with
    /// <paramref name="topLevel"/> it is a program of top-level statements (an executable).
    /// </summary>
    public Task FixAsync(string source, string fixedSource, DiagnosticResult[] expected, bool globalUsings = true, string? batchFixedSource = null, int? fixAllIterations = null, string? editorConfig = null, bool topLevel = false)
    {
        var test = new CSharpCodeFixTest<EpochAnalyzer, TFixer, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.Net80,
        };
        if (batchFixedSource is not null) test.BatchFixedCode = batchFixedSource;
        if (fixAllIterations is not null) test.NumberOfFixAllIterations = fixAllIterations.Value;
        var states = batchFixedSource is null ? new[] { test.TestState, test.FixedState } : new[] { test.TestState, test.FixedState, test.BatchFixedState };
        foreach (var state in states)
        {
            if (globalUsings) state.Sources.Add(("GlobalUsings.cs", Verify.GlobalUsings));
            if (topLevel) state.OutputKind = OutputKind.ConsoleApplication;
            if (editorConfig is not null) state.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n[*.cs]\n{editorConfig}\n"));
            state.AdditionalReferences.AddRange(TestReferences.Libraries);
        }
        test.DisabledDiagnostics.AddRange(Verify.OtherRules(rule));
        test.ExpectedDiagnostics.AddRange(expected.Select(e => e.WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)));
        return test.RunAsync();
    }

    /// <summary>Checks that the diagnostics are reported and that no fix is offered for them.</summary>
    public Task NoFixAsync(string source, params DiagnosticResult[] expected) => FixAsync(source, source, expected);
}
