using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Composer.Analyzers.Model;

/// <summary>
/// What every rule does: concurrent, no generated code, nothing registered when the compilation references
/// neither Composer.Runtime nor TorchSharp, and one callback per file that reports this rule's share of the
/// file's epoch model (<see cref="TreeModel"/>), which the first rule to ask computes for all of them.
/// </summary>
public abstract class EpochRuleAnalyzer : DiagnosticAnalyzer
{
    readonly DiagnosticDescriptor _rule;

    private protected EpochRuleAnalyzer(DiagnosticDescriptor rule) => _rule = rule;

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(_rule);

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownTypes.Get(start.Compilation) is not { } types) return;
            start.RegisterSemanticModelAction(c =>
            {
                foreach (var finding in TreeModel.Findings(c.SemanticModel, types, c.Options, c.CancellationToken))
                    if (finding.Id == _rule.Id) c.ReportDiagnostic(finding);
            });
        });
    }
}
