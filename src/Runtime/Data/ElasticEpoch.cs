namespace Composer.Data;

/// <summary>
/// The epoch a distributed sampler is in, and whether it is the resumed remainder of an interrupted one: the state
/// and arithmetic <see cref="DistributedSampler"/> and <see cref="ClassBalancedBatchSampler"/> share. Positions count
/// the epoch's global order (samples, or batches), which does not depend on the number of ranks.
/// </summary>
/// <param name="positions">Positions in an epoch's global order.</param>
/// <param name="replicas">The ranks they are dealt to.</param>
/// <param name="unit">What a position is, for messages: "the sampler's length", "the batches of an epoch".</param>
internal sealed class ElasticEpoch(long positions, int replicas, string unit)
{
    public int Epoch { get; private set; }
    /// <summary>Counts every epoch set or resumed, so a loader can tell an epoch was set in between.</summary>
    public long Version { get; private set; }
    /// <summary>Positions consumed before this resumed epoch; -1 while the epoch is an ordinary one.</summary>
    public long ResumedFrom { get; private set; } = -1;
    /// <summary>Positions per rank of the resumed epoch.</summary>
    public long ResumedCount { get; private set; }
    public bool IsResumed => ResumedFrom >= 0;

    public void Set(int epoch)
    {
        Epoch = Check.Epoch(epoch);
        Version++;
        ResumedFrom = -1;
    }

    /// <summary>Rank r's i-th position is r + i × replicas of the (remaining) order: c each means the first c × replicas.</summary>
    public SamplerResumeState StateAfter(long consumedOnThisRank, long count)
    {
        if (consumedOnThisRank < 0 || consumedOnThisRank > count)
            throw new ArgumentOutOfRangeException(nameof(consumedOnThisRank), consumedOnThisRank, $"consumedOnThisRank must be from 0 to Count ({count}), not {consumedOnThisRank}.");
        long start = Math.Max(ResumedFrom, 0);
        return new SamplerResumeState(Epoch, start + Math.Min(consumedOnThisRank * replicas, positions - start));
    }

    /// <summary>Makes this epoch the positions after <c>state.Consumed</c>, padded to equal shares (or cut with <paramref name="dropLast"/>).</summary>
    public void Resume(SamplerResumeState state, bool dropLast)
    {
        Check.Epoch(state.Epoch);
        if (state.Consumed < 0 || state.Consumed > positions)
            throw new ArgumentOutOfRangeException(nameof(state), state.Consumed, $"state.Consumed must be from 0 to {unit} ({positions}), not {state.Consumed}.");
        Epoch = state.Epoch;
        Version++;
        ResumedFrom = state.Consumed;
        long remaining = positions - state.Consumed;
        ResumedCount = dropLast ? remaining / replicas : (remaining + replicas - 1) / replicas;
    }

    /// <summary>The state after each of <paramref name="previousReplicas"/> ranks consumed its first <paramref name="consumedPerRank"/> positions of an ordinary epoch.</summary>
    public SamplerResumeState StateOf(int epoch, long consumedPerRank, int previousReplicas, string consumedName)
    {
        if (previousReplicas < 1)
            throw new ArgumentOutOfRangeException(nameof(previousReplicas), previousReplicas, $"previousReplicas must be positive, not {previousReplicas}.");
        if (consumedPerRank < 0)
            throw new ArgumentOutOfRangeException(consumedName, consumedPerRank, $"{consumedName} must not be negative, not {consumedPerRank}.");
        return new SamplerResumeState(epoch, consumedPerRank > positions / previousReplicas ? positions : Math.Min(consumedPerRank * previousReplicas, positions));
    }
}
