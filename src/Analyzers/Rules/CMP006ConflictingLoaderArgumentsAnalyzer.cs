using System.Collections.Immutable;
using Composer.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Rules;

/// <summary>
/// CMP006: an <c>EpochDataLoader</c> construction the runtime rejects, following PyTorch: a batch sampler
/// excludes <c>batchSize</c> other than 1, <c>shuffle: true</c>, a <c>sampler</c> and <c>dropLast: true</c>;
/// a sampler excludes <c>shuffle: true</c>. One diagnostic per conflicting argument, on the construction.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMP006ConflictingLoaderArgumentsAnalyzer : EpochRuleAnalyzer
{
    /// <summary>Diagnostic property: the name of the argument to remove.</summary>
    public const string ArgumentProperty = "Argument";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.CMP006ConflictingLoaderArguments);

    private protected override void Register(CompilationStartAnalysisContext context, KnownTypes types)
    {
        if (types.EpochDataLoader is null) return;
        context.RegisterOperationAction(c => Analyze(c, types), OperationKind.ObjectCreation);
    }

    static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!types.IsEpochDataLoader(creation.Type)) return;

        IArgumentOperation? Arg(string name) => LoaderCreation.Argument(creation, name);
        void Report(string given, string conflicting, string reason) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.CMP006ConflictingLoaderArguments, creation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(ArgumentProperty, conflicting), given, conflicting, reason));

        if (LoaderCreation.IsGiven(Arg("batchSampler")))
        {
            if (Arg("batchSize")?.Value.WalkDown().ConstantValue is { HasValue: true, Value: int size } && size != 1)
                Report("batchSampler", "batchSize", "the batch sampler decides the batch size");
            if (LoaderCreation.IsConstant(Arg("shuffle"), true)) Report("batchSampler", "shuffle", "the batch sampler decides the order");
            if (LoaderCreation.IsGiven(Arg("sampler"))) Report("batchSampler", "sampler", "the batch sampler decides the indices");
            if (LoaderCreation.IsConstant(Arg("dropLast"), true)) Report("batchSampler", "dropLast", "the batch sampler decides the batches");
        }
        else if (LoaderCreation.IsGiven(Arg("sampler")) && LoaderCreation.IsConstant(Arg("shuffle"), true))
        {
            Report("sampler", "shuffle", "the sampler decides the order");
        }
    }
}
