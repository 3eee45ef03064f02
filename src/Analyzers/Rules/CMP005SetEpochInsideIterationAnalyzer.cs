using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>CMP005: the epoch of a loader (or of one of its parts) is set inside a <c>foreach</c> over that same loader.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMP005SetEpochInsideIterationAnalyzer : EpochRuleAnalyzer
{
    /// <summary>Diagnostic property: the loader expression as written.</summary>
    public const string LoaderProperty = "Loader";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.CMP005SetEpochInsideIteration);

    private protected override void Register(CompilationStartAnalysisContext context, KnownTypes types) =>
        context.RegisterOperationAction(c => Analyze(c, types), OperationKind.Invocation);

    static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        if (EpochCall.From((IInvocationOperation)context.Operation, types) is not { Target: not EpochTarget.Other, LoaderSymbol: { } loader } call) return;
        foreach (var loop in call.Invocation.EnclosingLoops())
        {
            if (loop is not IForEachLoopOperation iteration) continue;
            var collection = iteration.IteratedCollection();
            if (SymbolEqualityComparer.Default.Equals(collection.ReferencedSymbol(), loader))
            {
                var properties = ImmutableDictionary<string, string?>.Empty.Add(LoaderProperty, collection.Syntax.ToString());
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.CMP005SetEpochInsideIteration, call.Invocation.Syntax.GetLocation(), properties, call.Loader!.Syntax.ToString()));
                return;
            }
        }
    }
}
