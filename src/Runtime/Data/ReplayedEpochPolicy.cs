namespace Composer.Data;

/// <summary>
/// What an <see cref="EpochDataLoader"/> or <see cref="EpochDataLoader{T, TBatch}"/> does when it is enumerated
/// from its first batch again while its order depends on the epoch and nothing has set the epoch since its
/// previous enumeration: the epoch replays the previous one's order, the bug that
/// <see cref="Epochs.SetEpoch"/> exists to prevent.
/// </summary>
/// <remarks>
/// Set it per loader (<see cref="EpochDataLoader.ReplayedEpochPolicy"/>) or for every loader that has no
/// setting of its own (<see cref="EpochDataLoader.DefaultReplayedEpochPolicy"/>).
/// </remarks>
public enum ReplayedEpochPolicy
{
    /// <summary>Write one warning to standard error, the first time the loader replays; the default.</summary>
    Warn,
    /// <summary>Throw an <see cref="InvalidOperationException"/> from the first <c>MoveNext</c> of every replaying enumeration.</summary>
    Throw,
    /// <summary>Replay silently: for loops that re-read an epoch on purpose.</summary>
    Ignore,
}
