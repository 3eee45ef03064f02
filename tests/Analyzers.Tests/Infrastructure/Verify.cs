using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Composer.Analyzers.Tests.Infrastructure;

/// <summary>Runs one analyzer over a small program that references TorchSharp and Composer.Runtime.</summary>
public static class Verify<TAnalyzer> where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Usings every test program gets, so that each test shows only its training loop.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using Composer.Data;
        global using TorchSharp;
        global using static TorchSharp.torch;
        """;

    public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("GlobalUsings.cs", GlobalUsings));
        test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        // Additional locations tell the fixes where to edit; the rule tests check the primary location.
        test.ExpectedDiagnostics.AddRange(expected.Select(e => e.WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)));
        return test.RunAsync();
    }
}
