using System.Collections.Immutable;
using System.Diagnostics;
using Composer.Analyzers.Tests.Infrastructure;
using Composer.Benchmarks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace Composer.Analyzers.Tests.Corpus;

/// <summary>Every rule over lots of real and generated code, with errors and all: no analyzer may throw (AD0001).</summary>
public class NoAnalyzerExceptionTests(ITestOutputHelper output)
{
    private static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private async Task<(int Diagnostics, List<string> Exceptions, TimeSpan Took)> Analyze(CSharpCompilation compilation)
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]),
            (exception, analyzer, diagnostic) => { lock (exceptions) exceptions.Add($"{analyzer.GetType().Name}: {exception}"); },
            concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var clock = Stopwatch.StartNew();
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers(), options).GetAnalyzerDiagnosticsAsync();
        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        return (diagnostics.Length, exceptions, clock.Elapsed);
    }

    [Fact]
    public async Task GeneratedCorpusOfAThousandFiles()
    {
        var compilation = TrainingCorpus.Compile(TrainingCorpus.Files(1000));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var (count, exceptions, took) = await Analyze(compilation);
        output.WriteLine($"1,000 generated files: {count} diagnostics in {took.TotalSeconds:F1} s");
        Assert.Empty(exceptions);
        Assert.True(count >= 250, $"the corpus's mistakes should be found, got {count} diagnostics"); // 125 each of CMP001 and CMP002, plus CMP003s
    }

    [Fact]
    public async Task EveryCSharpFileOfThisRepository()
    {
        var files = Directory.EnumerateFiles(Repository.Root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}artifacts{Path.DirectorySeparatorChar}"))
            .ToList();
        // One compilation of everything: duplicate names and missing references give errors, which the
        // analyzers must survive as they do while a user types.
        var compilation = TrainingCorpus.Compile(files.Select(File.ReadAllText));
        var (count, exceptions, took) = await Analyze(compilation);
        output.WriteLine($"{files.Count} repository files: {count} diagnostics in {took.TotalSeconds:F1} s");
        Assert.True(files.Count > 50);
        Assert.Empty(exceptions);
    }
}
