using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>Where a loader variable was created, when that is visible in the same member body.</summary>
internal static class LoaderCreation
{
    /// <summary>The <c>new …(…)</c> that a local was initialized with or a variable was assigned in the same body.</summary>
    public static IObjectCreationOperation? Find(ISymbol? loader, IOperation root)
    {
        if (loader is null) return null;
        // A local's initializer is found through its declaration; only assignments need a walk.
        if (loader is ILocalSymbol local && Operations.OriginOf(local, root)?.WalkDown() is IObjectCreationOperation initialized)
            return initialized;
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is ISimpleAssignmentOperation assignment && SymbolEqualityComparer.Default.Equals(assignment.Target.ReferencedSymbol(), loader) &&
                assignment.Value.WalkDown() is IObjectCreationOperation assigned)
                return assigned;
        }
        return null;
    }

    /// <summary>The explicitly written argument for a parameter, if any.</summary>
    public static IArgumentOperation? Argument(IObjectCreationOperation creation, string parameter) =>
        creation.Arguments.FirstOrDefault(a => a.ArgumentKind == ArgumentKind.Explicit && a.Parameter?.Name == parameter);

    /// <summary>Whether the argument is there and not the constant null.</summary>
    public static bool IsGiven(IArgumentOperation? argument) =>
        argument is not null && !(argument.Value.WalkDown().ConstantValue is { HasValue: true, Value: null });

    /// <summary>Whether the argument is the constant <paramref name="value"/>.</summary>
    public static bool IsConstant(IArgumentOperation? argument, object value) =>
        argument?.Value.WalkDown().ConstantValue is { HasValue: true } constant && Equals(constant.Value, value);

    /// <summary>Whether a loader made this way reshuffles from (seed, epoch), so that its epoch must be set.</summary>
    public static bool IsEpochAware(IObjectCreationOperation creation, KnownTypes types)
    {
        if (types.IsEpochDataLoader(creation.Type) && IsConstant(Argument(creation, "shuffle"), true)) return true;
        // A sampler, batch sampler or TorchSharp shuffler of an epoch-aware type.
        return creation.Arguments.Any(a => a.ArgumentKind == ArgumentKind.Explicit && types.IsEpochAware(a.Value.WalkDown().Type));
    }

    /// <summary>Variables named in the creation's arguments, also inside nested <c>new</c>s (<c>new BatchSampler(sampler, 32)</c>).</summary>
    public static IEnumerable<ISymbol> PartsNamedIn(IObjectCreationOperation creation) =>
        creation.Arguments.SelectMany(a => a.Value.DescendantsAndSelf())
            .Select(o => o is ILocalReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation ? o.ReferencedSymbol() : null)
            .Where(s => s is not null)!;
}
