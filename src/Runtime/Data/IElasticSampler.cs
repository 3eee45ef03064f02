namespace Composer.Data;

/// <summary>
/// Where an interrupted epoch stands in a sampler's global order: the epoch and how many positions of that
/// order (samples for a <see cref="DistributedSampler"/>, batches for a <see cref="ClassBalancedBatchSampler"/>)
/// all ranks together have consumed. The global order is a pure function of the seed, the epoch and the data,
/// not of the number of ranks, so the state can be resumed on any number of ranks.
/// </summary>
/// <param name="Epoch">The interrupted epoch; not negative.</param>
/// <param name="Consumed">Positions of the epoch's global order consumed, all ranks together: the first <c>Consumed</c> positions.</param>
public readonly record struct SamplerResumeState(int Epoch, long Consumed);

/// <summary>
/// A sampler or batch sampler whose interrupted epoch can be resumed on a different number of ranks: the
/// positions of the epoch's global order not yet consumed are re-divided over the new ranks, each consumed
/// once (apart from the padding that gives every rank the same <c>Count</c>), and the next
/// <see cref="IEpochAware.SetEpoch"/> returns to ordinary epochs.
/// </summary>
public interface IElasticSampler : IEpochVersioned
{
    /// <summary>The number of ranks the indices are divided across.</summary>
    int NumReplicas { get; }

    /// <summary>Whether the current epoch is a resumed one (the remainder of an interrupted epoch), until the next <see cref="IEpochAware.SetEpoch"/>.</summary>
    bool IsResumed { get; }

    /// <summary>
    /// The state to resume the current epoch from after this rank consumed its first <paramref name="consumedOnThisRank"/>
    /// indices (or batches) of it; every rank of the job gets the same state for the same count.
    /// </summary>
    /// <param name="consumedOnThisRank">Indices (batches for a batch sampler) of the current epoch this rank consumed; from 0 to <c>Count</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="consumedOnThisRank"/> is negative or more than <c>Count</c>.</exception>
    SamplerResumeState GetResumeState(long consumedOnThisRank);

    /// <summary>
    /// Sets the epoch to <paramref name="state"/>'s and makes this epoch only the part of its global order not yet
    /// consumed, divided over this sampler's ranks; the next <see cref="IEpochAware.SetEpoch"/> returns to ordinary epochs.
    /// </summary>
    /// <param name="state">Where the interrupted epoch stands, from <see cref="GetResumeState"/> of the job that was interrupted.</param>
    /// <exception cref="ArgumentOutOfRangeException">The state's epoch is negative or its consumed count is negative or past the epoch's end.</exception>
    void Resume(SamplerResumeState state);
}
