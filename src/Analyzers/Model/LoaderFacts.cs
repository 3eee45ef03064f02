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
    private readonly EpochFlow _flow;
    private readonly Sampling _sampling;
    private readonly bool _unknown;
    private bool? _epochDependent, _drawsFromBatchSampler;
    private HashSet<ISymbol>? _parts, _batchSamplerParts;

    public LoaderFacts(ISymbol symbol, ITypeSymbol? type, EpochFlow flow)
    {
        _flow = flow;
        _sampling = new Sampling(flow);
        Type = type;
        Kind = flow.Tree.Types.KindOf(type, flow.Tree.Settings);
        var constructions = new List<IOperation>();
        var (values, unknown) = flow.ValuesOf(symbol);
        unknown |= values.Count == 0;
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { symbol };
        foreach (var value in values) Collect(value, constructions, ref unknown, visited, flow);
        Constructions = constructions;
        _unknown = unknown;
    }

    public LoaderKind Kind { get; }
    public ITypeSymbol? Type { get; }
    /// <summary>The creations (<c>new …</c> or TorchSharp's factory) the variable may hold.</summary>
    public IReadOnlyList<IOperation> Constructions { get; }

    /// <summary>Its order depends on the epoch it is told, as far as can be seen.</summary>
    /// <remarks>This and the facts below are worked out on first use: most rules ask for one or two of them.</remarks>
    public bool EpochDependent => _epochDependent ??= DependsOnEpoch();

    /// <summary>It has a batch sampler of its own and may draw from a custom one (or how it was built is not in view).</summary>
    public bool DrawsFromBatchSampler => _drawsFromBatchSampler ??=
        Type is not null && KnownTypes.HasBatchSampler(Kind, Type) && (_unknown || Constructions.Any(_sampling.HasCustomBatchSampler));

    /// <summary>The sampler and batch sampler variables it was built from, and the samplers inside those.</summary>
    public HashSet<ISymbol> Parts
    {
        get
        {
            if (_parts is null) FindParts();
            return _parts!;
        }
    }

    /// <summary>The batch sampler variables it was built from, and the samplers inside them.</summary>
    public HashSet<ISymbol> BatchSamplerParts
    {
        get
        {
            if (_batchSamplerParts is null) FindParts();
            return _batchSamplerParts!;
        }
    }

    /// <summary>
    /// It is built afresh on every pass of <paramref name="loop"/> with a seed that changes across it: its order changes
    /// without an epoch (CMP002 takes it as handled, and CMP001 its sampler-only setter as harmless).
    /// </summary>
    public bool IsSeededPerPass(ILoopOperation loop) =>
        Constructions.Count > 0 && Constructions.All(c => loop.Syntax.Span.Contains(c.Syntax.Span)) &&
        Constructions.All(c => Seeds(_flow, c, 2).Any(seed => _flow.SeedVaries(seed, loop)));

    /// <summary>
    /// The seed arguments of a creation, of the creations inside it and of the locals it was built from; not those of its
    /// data set (<c>new JitterDataset(raw, seed: epoch)</c> changes the samples, not the order), whatever its parameter is
    /// called (<c>source:</c> of a ported loader), nor of what a number is read from (<c>new RandomSampler(augmented.Count, seed: 42)</c>).
    /// </summary>
    private static IEnumerable<IOperation> Seeds(EpochFlow flow, IOperation creation, int depth)
    {
        var stack = new Stack<IOperation>();
        stack.Push(creation);
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            if (IsDataSet(operation)) continue;
            if (operation is IArgumentOperation { ArgumentKind: ArgumentKind.Explicit, Parameter.Name: "seed" } seed && !SamplesElsewhere(seed)) yield return seed.Value;
            if (depth > 0 && operation is ILocalReferenceOperation local && !EpochFlow.IsReadFrom(local))
                foreach (var value in flow.ValuesOf(local.Local).Values)
                    foreach (var inner in Seeds(flow, value, depth - 1)) yield return inner;
            foreach (var child in operation.ChildOperations) stack.Push(child);
        }
    }

    /// <summary>
    /// A loader's own seed beside a sampler or batch sampler it is given (<c>new EpochDataLoader(data, sampler: fixedOrder,
    /// seed: epoch)</c>): that seed drives only the sampler a loader makes for <c>shuffle: true</c> (and per-sample randomness),
    /// so the order comes from the sampler given, whatever the seed.
    /// </summary>
    private static bool SamplesElsewhere(IArgumentOperation seed) =>
        seed.Parent is IObjectCreationOperation or IInvocationOperation &&
        seed.Parent.ChildOperations.OfType<IArgumentOperation>().Any(a =>
            a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.Name is "sampler" or "batchSampler" or "batch_sampler" or "shuffler" &&
            !(a.Value.WalkDown().ConstantValue is { HasValue: true, Value: null }));

    /// <summary>A data set or its argument: by the parameter (a loader's <c>dataset</c>, or typed as a data set) or by its own type.</summary>
    private static bool IsDataSet(IOperation operation) =>
        operation is IArgumentOperation { Parameter: { } parameter } && (parameter.Name == "dataset" || KnownTypes.IsDataSet(parameter.Type)) ||
        operation.Kind is OperationKind.LocalReference or OperationKind.ParameterReference or OperationKind.FieldReference or OperationKind.PropertyReference or
            OperationKind.ObjectCreation or OperationKind.Invocation && KnownTypes.IsDataSet(operation.Type);

    private bool DependsOnEpoch()
    {
        foreach (var construction in Constructions)
            if (_sampling.LoaderDependsOnEpoch(construction)) return true;
        return Kind == LoaderKind.Shape && Type is not null && _sampling.MembersDependOnEpoch(Type);
    }

    private void FindParts()
    {
        _parts = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        _batchSamplerParts = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var construction in Constructions)
        {
            foreach (var argument in _sampling.SamplingArguments(construction))
            {
                var parts = _flow.SymbolsIn(argument.Value, 2, objectsOnly: true).ToList();
                _parts.UnionWith(parts);
                if (_sampling.IsBatchSamplerArgument(argument)) _batchSamplerParts.UnionWith(parts);
            }
        }
    }

    /// <summary>The loader creations a value may be: through <c>?:</c>, <c>switch</c>, <c>??</c>, <c>??=</c> and other variables.</summary>
    private static void Collect(IOperation value, List<IOperation> constructions, ref bool unknown, HashSet<ISymbol> visited, EpochFlow flow)
    {
        var v = value.WalkDown();
        switch (v)
        {
            case IObjectCreationOperation creation when flow.Tree.Types.KindOf(creation.Type, flow.Tree.Settings) != LoaderKind.None:
            case IInvocationOperation factory when KnownTypes.IsTorchFactory(factory.TargetMethod):
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
            case ICoalesceAssignmentOperation lazy: // _train ??= new …
                Collect(lazy.Target, constructions, ref unknown, visited, flow);
                Collect(lazy.Value, constructions, ref unknown, visited, flow);
                break;
            case { ConstantValue: { HasValue: true, Value: null } }:
            case IDefaultValueOperation:
                break;
            case IThrowOperation:
                break;
            case ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation when v.ReferencedSymbol() is { } other:
                if (!visited.Add(other)) break; // collected already (current = easy; … current = easy;)
                if (visited.Count > 32)
                {
                    unknown = true;
                    break;
                }
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
