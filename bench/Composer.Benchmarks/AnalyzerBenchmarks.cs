using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Composer.Benchmarks;

/// <summary>
/// The analyzers' cost on 1,000 generated training-like files (half with loaders), against an analyzer
/// that registers nothing: the ratio minus one is what our rules add to analysis of that project.
/// </summary>
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _ours, _empty;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = TrainingCorpus.Compile(TrainingCorpus.Files(1000));
        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("The corpus does not compile: " + string.Join("; ", errors));
        _ours = OurAnalyzers();
        _empty = [new EmptyAnalyzer()];
    }

    /// <summary>Every analyzer in Composer.Analyzers.dll.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> OurAnalyzers() =>
        System.Reflection.Assembly.Load("Composer.Analyzers").GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    [Benchmark(Baseline = true, Description = "empty analyzer")]
    public int Empty() => Run(_empty);

    [Benchmark(Description = "Composer analyzers (CMP001-CMP006)")]
    public int Ours() => Run(_ours);

    private int Run(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        // A fresh compilation each time: Roslyn caches semantic models and analysis per compilation.
        var compilation = _compilation.Clone();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        return compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        }
    }
}
