using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>
/// What is known of one loader variable: its kind, how it was built where that is in view (every arm of a
/// <c>?:</c>/<c>switch</c>, a field's initializer and the assignments of its type), its parts, and whether its order
/// depends on the epoch.
/// </summary>
internal sealed class LoaderFacts
{
    public LoaderFacts(ISymbol symbol, ITypeSymbol? type, EpochFlow flow)
    {
        var types = flow.Tree.Types;
        var settings = flow.Tree.Settings;
        Type = type;
        Kind = types.KindOf(type, settings);
        var constructions = new List<IOperation>();
        bool unknown = false;
        var (values, valuesUnknown) = flow.ValuesOf(symbol);
        unknown |= valuesUnknown || values.Count == 0;
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { symbol };
        foreach (var value in values) Collect(value, constructions, ref unknown, visited, flow);
        Constructions = constructions;

        var sampling = new Sampling(flow);
        EpochDependent = constructions.Any(c => sampling.LoaderDependsOnEpoch(c)) ||
                         (Kind == LoaderKind.Shape && type is not null && sampling.MembersDependOnEpoch(type));
        DrawsFromBatchSampler = type is not null && KnownTypes.HasBatchSampler(Kind, type) &&
                                (unknown || constructions.Any(c => sampling.HasCustomBatchSampler(c)));
        foreach (var construction in constructions)
        {
            foreach (var argument in sampling.SamplingArguments(construction))
            {
                var parts = flow.SymbolsIn(argument.Value, 2).ToList();
                Parts.UnionWith(parts);
                if (sampling.IsBatchSamplerArgument(argument)) BatchSamplerParts.UnionWith(parts);
            }
        }
    }

    public LoaderKind Kind { get; }
    public ITypeSymbol? Type { get; }
    /// <summary>The creations (<c>new …</c> or TorchSharp's factory) the variable may hold.</summary>
    public IReadOnlyList<IOperation> Constructions { get; }
    /// <summary>Its order depends on the epoch it is told, as far as can be seen.</summary>
    public bool EpochDependent { get; }
    /// <summary>It has a batch sampler of its own and may draw from a custom one (or how it was built is not in view).</summary>
    public bool DrawsFromBatchSampler { get; }
    /// <summary>The sampler and batch sampler variables it was built from, and the samplers inside those.</summary>
    public HashSet<ISymbol> Parts { get; } = new(SymbolEqualityComparer.Default);
    /// <summary>The batch sampler variables it was built from, and the samplers inside them.</summary>
    public HashSet<ISymbol> BatchSamplerParts { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The loader creations a value may be: through <c>?:</c>, <c>switch</c>, <c>??</c> and other variables.</summary>
    private static void Collect(IOperation value, List<IOperation> constructions, ref bool unknown, HashSet<ISymbol> visited, EpochFlow flow)
    {
        var v = value.WalkDown();
        switch (v)
        {
            case IObjectCreationOperation creation when flow.Tree.Types.KindOf(creation.Type, flow.Tree.Settings) != LoaderKind.None:
            case IInvocationOperation factory when flow.Tree.IsTorchFactory(factory):
                constructions.Add(v);
                break;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                Collect(conditional.WhenTrue, constructions, ref unknown, visited, flow);
                Collect(whenFalse, constructions, ref unknown, visited, flow);
                break;
            case ISwitchExpressionOperation @switch:
                foreach (var arm in @switch.Arms) Collect(arm.Value, constructions, ref unknown, visited, flow);
                break;
            case ICoalesceOperation coalesce:
                Collect(coalesce.Value, constructions, ref unknown, visited, flow);
                Collect(coalesce.WhenNull, constructions, ref unknown, visited, flow);
                break;
            case { ConstantValue: { HasValue: true, Value: null } }:
            case IDefaultValueOperation:
                break;
            case IThrowOperation:
                break;
            case ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation when v.ReferencedSymbol() is { } other && visited.Add(other) && visited.Count < 6:
                var (values, valuesUnknown) = flow.ValuesOf(other);
                unknown |= valuesUnknown || values.Count == 0;
                foreach (var inner in values) Collect(inner, constructions, ref unknown, visited, flow);
                break;
            default:
                unknown = true;
                break;
        }
    }
}
