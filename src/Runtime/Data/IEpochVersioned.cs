namespace Composer.Data;

/// <summary>
/// An epoch-aware sampler or batch sampler that tells the loaders it feeds whether its order depends on the
/// epoch and how often its epoch has been set, so that a loader can tell a new epoch from a replayed one
/// (<see cref="ReplayedEpochPolicy"/>) even when the epoch is set on this object directly rather than
/// through the loader.
/// </summary>
/// <remarks>
/// The runtime's epoch-aware samplers implement it. A loader sees every epoch set through it
/// (<see cref="EpochDataLoader.SetEpoch"/>, <see cref="Epochs.SetEpoch"/>); implement this interface on a
/// sampler of your own so that setting its epoch directly counts too.
/// </remarks>
public interface IEpochVersioned : IEpochAware
{
    /// <summary>The epoch the next enumeration uses.</summary>
    int Epoch { get; }

    /// <summary>
    /// A number that changes whenever the epoch is set, to any epoch (the current one included), and never
    /// otherwise: the count of <see cref="IEpochAware.SetEpoch"/> calls, for example.
    /// </summary>
    long EpochVersion { get; }

    /// <summary>Whether the order of the indices changes with the epoch (false, say, for a <see cref="DistributedSampler"/> made with <c>shuffle: false</c>).</summary>
    bool OrderDependsOnEpoch { get; }
}
