using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>
/// CMP001: the epoch is set on <c>loader.Sampler</c> (cast, tested, aliased or through <c>?.</c>) while
/// nothing in the same epoch scope handles that loader's batch sampler: the Composer bug.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMP001SetEpochOnSamplerOnlyAnalyzer : EpochRuleAnalyzer
{
    /// <summary>Diagnostic property: the loader expression as written.</summary>
    public const string LoaderProperty = "Loader";
    /// <summary>Diagnostic property: "true" when the loader is an EpochDataLoader (the fix can call loader.SetEpoch).</summary>
    public const string IsEpochDataLoaderProperty = "IsEpochDataLoader";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.CMP001SetEpochOnSamplerOnly);

    private protected override void Register(CompilationStartAnalysisContext context, KnownTypes types) =>
        context.RegisterOperationAction(c => Analyze(c, types), OperationKind.Invocation);

    static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        if (EpochCall.From((IInvocationOperation)context.Operation, types) is not { Target: EpochTarget.Sampler } call) return;
        var loader = call.LoaderSymbol;
        if (loader is null) return;

        // An EpochDataLoader made here without a batch sampler batches its own Sampler: setting it works.
        var creation = LoaderCreation.Find(loader, call.Invocation.Root());
        if (creation is not null && types.IsEpochDataLoader(creation.Type) && !LoaderCreation.IsGiven(LoaderCreation.Argument(creation, "batchSampler")))
            return;

        var scope = EpochScope.Around(call.Invocation);
        if (EpochScope.MentionsBatchSampler(scope, loader)) return;
        if (EpochScope.Calls(scope, types).Any(c => c.Target == EpochTarget.WholeLoader && SymbolEqualityComparer.Default.Equals(c.LoaderSymbol, loader)))
            return;

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(LoaderProperty, call.Loader!.Syntax.ToString())
            .Add(IsEpochDataLoaderProperty, types.IsEpochDataLoader(call.Loader.Type) ? "true" : "false");
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.CMP001SetEpochOnSamplerOnly, call.Invocation.Syntax.GetLocation(), properties, call.Loader.Syntax.ToString()));
    }
}
