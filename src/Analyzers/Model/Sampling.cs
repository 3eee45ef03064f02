using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>How a loader creation samples: which arguments are its sampling parts, and whether its order depends on the epoch.</summary>
internal sealed class Sampling(EpochFlow flow)
{
    private KnownTypes Types => flow.Tree.Types;
    private AnalyzerSettings Settings => flow.Tree.Settings;

    /// <summary>The explicitly written argument for a parameter, if any.</summary>
    public static IArgumentOperation? Argument(IOperation creation, string parameter)
    {
        foreach (var argument in Arguments(creation))
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Name == parameter) return argument;
        return null;
    }

    public static ImmutableArray<IArgumentOperation> Arguments(IOperation creation) => creation switch
    {
        IObjectCreationOperation c => c.Arguments,
        IInvocationOperation i => i.Arguments,
        _ => ImmutableArray<IArgumentOperation>.Empty,
    };

    /// <summary>Whether the argument is written and not the constant null.</summary>
    public static bool IsGiven(IArgumentOperation? argument) =>
        argument?.Value.WalkDown() is { } value && !(value.ConstantValue is { HasValue: true, Value: null }) &&
        !(value is IDefaultValueOperation { Type: { } type } && (type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)); // seed: default of an int?

    /// <summary>Whether a creation is written to shuffle (<c>shuffle</c> given and not the constant false) from a given <c>seed</c>: CMP003's case for TorchSharp's loaders.</summary>
    public static bool ShufflesFromSeed(IOperation creation) =>
        Argument(creation, "shuffle") is { } shuffle && !IsConstant(shuffle, false) && IsGiven(Argument(creation, "seed"));

    /// <summary>Whether the argument is the constant <paramref name="value"/>.</summary>
    public static bool IsConstant(IArgumentOperation? argument, object value) =>
        argument?.Value.WalkDown().ConstantValue is { HasValue: true } constant && Equals(constant.Value, value);

    private LoaderKind KindOf(IOperation creation) => Types.KindOf(creation.Type, Settings);

    /// <summary>The arguments that decide the order: sampler, batch sampler, TorchSharp's shuffler, or a user loader's epoch-aware or sampler-typed arguments.</summary>
    public IEnumerable<IArgumentOperation> SamplingArguments(IOperation creation)
    {
        var types = Types;
        var settings = Settings;
        return KindOf(creation) switch
        {
            LoaderKind.Epoch => Arguments(creation).Where(a => a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.Name is "sampler" or "batchSampler"),
            LoaderKind.Torch => Arguments(creation).Where(a => a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.Name == "shuffler"),
            LoaderKind.Shape => Arguments(creation).Where(a => a.ArgumentKind == ArgumentKind.Explicit && IsSamplingPart(a.Value.WalkDown().Type, types, settings)),
            _ => [],
        };
    }

    /// <summary>
    /// An argument of a user loader that may decide its order: of an epoch-aware type, or typed as the runtime's sampler
    /// contracts or as a sequence of indices (an <c>ISampler</c> or <c>IEnumerable&lt;long&gt;</c> local chosen by <c>?:</c>),
    /// whose values then decide.
    /// </summary>
    private static bool IsSamplingPart(ITypeSymbol? type, KnownTypes types, AnalyzerSettings settings) =>
        types.IsEpochAware(type, settings) || IsSamplerContract(type) || KnownTypes.IsIndexSequence(type);

    private static bool IsSamplerContract(ITypeSymbol? type) => KnownTypes.ImplementsRuntime(type, "ISampler") || KnownTypes.ImplementsRuntime(type, "IBatchSampler");

    public bool IsBatchSamplerArgument(IArgumentOperation argument) =>
        argument.Parameter?.Name is { } name && name.Replace("_", "").Equals("batchSampler", StringComparison.OrdinalIgnoreCase) ||
        argument.Value.WalkDown().Type is { } type && (type is { TypeKind: TypeKind.Interface, Name: "IBatchSampler" } || type.AllInterfaces.Any(i => i.Name == "IBatchSampler"));

    /// <summary>A loader made this way draws its batches from a batch sampler of the user's.</summary>
    public bool HasCustomBatchSampler(IOperation creation) => KindOf(creation) switch
    {
        LoaderKind.Epoch => IsGiven(Argument(creation, "batchSampler")),
        LoaderKind.Shape => Arguments(creation).Any(a => a.ArgumentKind == ArgumentKind.Explicit && IsGiven(a) && IsBatchSamplerArgument(a)),
        _ => false,
    };

    /// <summary>A loader made this way reshuffles from (seed, epoch), so its epoch must be set.</summary>
    public bool LoaderDependsOnEpoch(IOperation creation)
    {
        if (KindOf(creation) == LoaderKind.Epoch && IsConstant(Argument(creation, "shuffle"), true)) return true;
        foreach (var argument in SamplingArguments(creation))
            if (SamplerDependsOnEpoch(argument.Value, 0)) return true;
        return false;
    }

    /// <summary>A user loader type whose sampler or batch sampler member reshuffles per epoch, by its declared type or what its type assigns to it.</summary>
    public bool MembersDependOnEpoch(ITypeSymbol loaderType)
    {
        foreach (var names in new[] { KnownTypes.SamplerNames, KnownTypes.BatchSamplerNames })
        {
            if (KnownTypes.Member(loaderType, names) is not { } member) continue;
            var (values, unknown) = flow.Tree.MemberValues(member);
            if (values.Any(v => SamplerDependsOnEpoch(v, 1))) return true;
            if ((unknown || values.Count == 0) && TypeDependsOnEpoch(member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type)) return true;
        }
        return false;
    }

    /// <summary>A sampler value whose order depends on the epoch: random, distributed with shuffling, P×K, a batch sampler over one of those, or any epoch-aware type of the user's.</summary>
    public bool SamplerDependsOnEpoch(IOperation value, int depth)
    {
        var v = value.WalkDown();
        if (depth > 8) return TypeDependsOnEpoch(v.Type);
        switch (v)
        {
            case { ConstantValue: { HasValue: true, Value: null } }:
                return false;
            case IObjectCreationOperation creation:
                // DistributedSampler(…, shuffle: false), and an epoch-aware sampler of the user's made not to shuffle: a fixed order.
                bool fixedOrder = IsConstant(Argument(creation, "shuffle"), false);
                if (KnownTypes.IsDistributedSampler(creation.Type)) return !fixedOrder;
                if (KnownTypes.IsBatchSampler(creation.Type))
                    return Argument(creation, "sampler") is { } inner && SamplerDependsOnEpoch(inner.Value, depth + 1);
                if (Types.IsEpochAware(creation.Type, Settings)) return !fixedOrder;
                // A sampler or batch sampler of the user's that takes no epoch but keeps its order in one it is handed (a port
                // of torchvision's GroupedBatchSampler(sampler, groupIds, batchSize), a DropLast(inner), a Subset(inner)): its
                // order is that one's, whatever its own shuffle: says.
                return IsSamplerContract(creation.Type) &&
                       creation.Arguments.Any(a => a.ArgumentKind == ArgumentKind.Explicit && IsSamplerContract(a.Value.WalkDown().Type) && SamplerDependsOnEpoch(a.Value, depth + 1));
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return SamplerDependsOnEpoch(conditional.WhenTrue, depth + 1) || SamplerDependsOnEpoch(whenFalse, depth + 1);
            case ISwitchExpressionOperation @switch:
                foreach (var arm in @switch.Arms)
                    if (SamplerDependsOnEpoch(arm.Value, depth + 1)) return true;
                return false;
            case ICoalesceOperation coalesce: // injected ?? new DistributedSampler(…)
                return SamplerDependsOnEpoch(coalesce.Value, depth + 1) || SamplerDependsOnEpoch(coalesce.WhenNull, depth + 1);
            case ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation when v.ReferencedSymbol() is { } symbol:
                var (values, unknown) = flow.ValuesOf(symbol);
                // A local of another member (a constructor's, read through the field it built): its declaration and the
                // assignments to it there, found through its name rather than by walking that member.
                if (unknown && symbol is ILocalSymbol local) (values, unknown) = flow.Tree.LocalValues(local);
                if (values.Any(x => SamplerDependsOnEpoch(x, depth + 1))) return true;
                return (unknown || values.Count == 0) && TypeDependsOnEpoch(v.Type);
            default:
                return TypeDependsOnEpoch(v.Type);
        }
    }

    /// <summary>
    /// Judged by type alone: an epoch-aware class. Not an interface (it may hold anything), not a <c>BatchSampler</c>
    /// (its order is its sampler's).
    /// </summary>
    private bool TypeDependsOnEpoch(ITypeSymbol? type) =>
        type is { TypeKind: not TypeKind.Interface and not TypeKind.TypeParameter } && !KnownTypes.IsBatchSampler(type) && Types.IsEpochAware(type, Settings);
}
