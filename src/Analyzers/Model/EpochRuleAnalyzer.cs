using Microsoft.CodeAnalysis.Diagnostics;

namespace Composer.Analyzers.Model;

/// <summary>
/// What every rule does first: concurrent, no generated code, and nothing registered at all when the
/// compilation references neither Composer.Runtime nor TorchSharp.
/// </summary>
public abstract class EpochRuleAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownTypes.Create(start.Compilation) is { } types) Register(start, types);
        });
    }

    private protected abstract void Register(CompilationStartAnalysisContext context, KnownTypes types);
}
