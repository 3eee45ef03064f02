using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Composer.Analyzers.Tests.Infrastructure;

/// <summary>What every test program gets.</summary>
public static class Verify
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

    /// <summary>The IDs of the analyzer's other rules: a rule's tests see that rule alone.</summary>
    public static IEnumerable<string> OtherRules(DiagnosticDescriptor rule) =>
        new EpochAnalyzer().SupportedDiagnostics.Select(d => d.Id).Where(id => id != rule.Id);
}

/// <summary>Runs the analyzer over a small program that references TorchSharp and Composer.Runtime, for one rule.</summary>
public sealed class RuleVerifier(DiagnosticDescriptor rule)
{
    public DiagnosticResult Diagnostic() => new(rule);

    public Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => AnalyzerAsync(source, editorConfig: null, expected);

    /// <summary>Runs the analyzer with an .editorconfig (its lines under <c>[*.cs]</c>) applying to the program.</summary>
    public Task AnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected) => AnalyzerAsync(source, editorConfig, [], expected);

    /// <summary>Runs the analyzer over the program and other files of the same project.</summary>
    public Task AnalyzerAsync(string source, string? editorConfig, string[] otherFiles, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<EpochAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = TestReferences.Net80 };
        for (int i = 0; i < otherFiles.Length; i++) test.TestState.Sources.Add(($"Other{i}.cs", otherFiles[i]));
        if (editorConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n[*.cs]\n{editorConfig}\n"));
        test.TestState.Sources.Add(("GlobalUsings.cs", Verify.GlobalUsings));
        test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        test.DisabledDiagnostics.AddRange(Verify.OtherRules(rule));
        // Additional locations tell the fixes where to edit; the rule tests check the primary location.
        test.ExpectedDiagnostics.AddRange(expected.Select(e => e.WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)));
        return test.RunAsync();
    }
}
