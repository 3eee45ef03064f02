using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Composer.Analyzers.Model;

/// <summary>What an epoch-setting call reaches.</summary>
internal enum EpochTarget
{
    /// <summary><c>Epochs.SetEpoch(loader, e)</c>, <c>loader.SetEpoch(e)</c>, or the loader handed to code not in view: every part.</summary>
    WholeLoader,
    /// <summary><c>loader.Sampler</c>, however cast, tested or aliased.</summary>
    Sampler,
    /// <summary><c>loader.BatchSampler</c>, however cast, tested or aliased (or merely mentioned).</summary>
    BatchSampler,
    /// <summary>Any other object: a sampler held in a variable, for instance.</summary>
    Object,
}

/// <summary>
/// Something on a pass that tells (or may tell) a loader or one of its parts the epoch. <see cref="Call"/> is the
/// setter call when there is one; <see cref="Epoch"/> its epoch argument.
/// </summary>
internal sealed class EpochEvent(IOperation site, EpochTarget target, IOperation? loader, ISymbol? symbol, IInvocationOperation? call, IOperation? epoch, bool delegated = false, bool handedOn = false)
{
    /// <summary>Where it happens.</summary>
    public IOperation Site { get; } = site;
    public EpochTarget Target { get; } = target;
    /// <summary>The loader expression for the loader targets.</summary>
    public IOperation? Loader { get; } = loader;
    /// <summary>The loader variable (loader targets) or the object variable (<see cref="EpochTarget.Object"/>).</summary>
    public ISymbol? Symbol { get; } = symbol;
    public IInvocationOperation? Call { get; } = call;
    public IOperation? Epoch { get; } = epoch;

    /// <summary>
    /// A setter handed on as a delegate (<c>hooks.Add(train.SetEpoch)</c>), or called by a lambda subscribed to an event
    /// (<c>EpochStarting += (_, e) =&gt; train.SetEpoch(e.Epoch)</c>), here or in a method in view that this one calls:
    /// where the delegate is called is not followed, so it counts on every pass, wherever it is written.
    /// </summary>
    public bool IsDelegated => delegated || Site.Kind == OperationKind.MethodReference;

    /// <summary>
    /// The loader (or its batch sampler) handed to code not in view (<c>callbacks.OnEpochStart(train)</c>,
    /// <c>new Listener(train)</c>), here or through a method in view that this one calls: that code may set its epoch.
    /// </summary>
    public bool IsHandedOn { get; } = handedOn;

    public EpochEvent WithSymbol(ISymbol? symbol, EpochTarget target) => new(Site, target, Loader, symbol, Call, Epoch, delegated, IsHandedOn);

    public EpochEvent AsDelegated() => new(Site, Target, Loader, Symbol, Call, Epoch, delegated: true, IsHandedOn);
}
