using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>What an epoch-setting call reaches.</summary>
internal enum EpochTarget
{
    /// <summary><c>Epochs.SetEpoch(loader, e)</c> or <c>loader.SetEpoch(e)</c>: every part of the loader.</summary>
    WholeLoader,
    /// <summary><c>loader.Sampler</c>, however cast, tested or aliased.</summary>
    Sampler,
    /// <summary><c>loader.BatchSampler</c>, however cast, tested or aliased.</summary>
    BatchSampler,
    /// <summary>Any other object: a sampler held in a variable, for instance.</summary>
    Other,
}

/// <summary>
/// A call that sets an epoch, classified by what it reaches. <see cref="Loader"/> is the loader expression
/// for the loader targets; <see cref="Object"/> the variable set for <see cref="EpochTarget.Other"/>.
/// </summary>
internal sealed class EpochCall
{
    EpochCall(IInvocationOperation invocation, EpochTarget target, IOperation? loader, ISymbol? @object, IOperation epoch)
    {
        Invocation = invocation;
        Target = target;
        Loader = loader;
        Object = @object;
        Epoch = epoch;
    }

    public IInvocationOperation Invocation { get; }
    public EpochTarget Target { get; }
    public IOperation? Loader { get; }
    public ISymbol? LoaderSymbol => Loader.ReferencedSymbol();
    public ISymbol? Object { get; }
    /// <summary>The epoch argument's value.</summary>
    public IOperation Epoch { get; }

    /// <summary>Classifies <paramref name="invocation"/>, or returns null when it sets no epoch.</summary>
    public static EpochCall? From(IInvocationOperation invocation, KnownTypes types)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic)
        {
            if (method.Name == "SetEpoch" && invocation.Arguments.Length == 2 &&
                SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Epochs))
                return new EpochCall(invocation, EpochTarget.WholeLoader, ArgumentValue(invocation, 0), null, ArgumentValue(invocation, 1));
            return null;
        }
        if (!LoaderMembers.IsEpochSetter(method) || invocation.Instance is null) return null;

        var epoch = ArgumentValue(invocation, 0);
        var instance = Resolve(invocation.Instance, invocation);
        if (types.IsLoader(instance.Type) && !LoaderMembers.IsPart(instance, LoaderMembers.SamplerNames, out _))
            return new EpochCall(invocation, EpochTarget.WholeLoader, instance, null, epoch);
        if (LoaderMembers.IsPart(instance, LoaderMembers.BatchSamplerNames, out var owner) && types.IsLoader(owner!.Type))
            return new EpochCall(invocation, EpochTarget.BatchSampler, owner, null, epoch);
        if (LoaderMembers.IsPart(instance, LoaderMembers.SamplerNames, out owner) && types.IsLoader(owner!.Type))
            return new EpochCall(invocation, EpochTarget.Sampler, owner, null, epoch);
        return new EpochCall(invocation, EpochTarget.Other, null, instance.ReferencedSymbol(), epoch);
    }

    static IOperation ArgumentValue(IInvocationOperation invocation, int parameter) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter)?.Value ?? invocation.Arguments[parameter].Value;

    /// <summary>
    /// Follows what the receiver stands for: casts and <c>as</c>, <c>?.</c>, a local declared from a value
    /// (<c>var s = (IEpochAware)loader.Sampler</c>) or by a pattern (<c>loader.Sampler is IEpochAware s</c>).
    /// </summary>
    static IOperation Resolve(IOperation receiver, IOperation at)
    {
        var current = receiver.WalkDown();
        for (int step = 0; step < 4; step++)
        {
            if (current is IConditionalAccessInstanceOperation)
            {
                var access = at.Parent;
                while (access is not null && access is not IConditionalAccessOperation) access = access.Parent;
                if (access is not IConditionalAccessOperation conditional) return current;
                current = conditional.Operation.WalkDown();
                continue;
            }
            // Follow an alias only to another variable or member: a local made with `new` is the object itself.
            if (current is ILocalReferenceOperation local &&
                Operations.OriginOf(local.Local, at)?.WalkDown() is { } origin and (IPropertyReferenceOperation or IFieldReferenceOperation or ILocalReferenceOperation))
            {
                current = origin;
                continue;
            }
            return current;
        }
        return current;
    }
}
