using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Composer.Analyzers.Tests.Infrastructure;

/// <summary>Runs one analyzer and its fix over a small program that references TorchSharp and Composer.Runtime.</summary>
public static class VerifyFix<TAnalyzer, TFixer>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic() => CSharpCodeFixVerifier<TAnalyzer, TFixer, DefaultVerifier>.Diagnostic();

    /// <summary>
    /// Checks the fix of every diagnostic (one at a time and with Fix All). With <paramref name="globalUsings"/>
    /// false the program brings its own usings, to show the fix adding <c>using Composer.Data;</c>.
    /// </summary>
    public static Task FixAsync(string source, string fixedSource, DiagnosticResult[] expected, bool globalUsings = true, string? batchFixedSource = null, int? fixAllIterations = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
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
            if (globalUsings) state.Sources.Add(("GlobalUsings.cs", Verify<TAnalyzer>.GlobalUsings));
            state.AdditionalReferences.AddRange(TestReferences.Libraries);
        }
        test.ExpectedDiagnostics.AddRange(expected.Select(e => e.WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)));
        return test.RunAsync();
    }

    /// <summary>Checks that the diagnostics are reported and that no fix is offered for them.</summary>
    public static Task NoFixAsync(string source, params DiagnosticResult[] expected) => FixAsync(source, source, expected);
}
