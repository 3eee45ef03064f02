using System.Collections;

namespace Composer.Data;

/// <summary>
/// Gives each of <c>numReplicas</c> processes its own shard of a data set, reshuffled every epoch:
/// the same indices as PyTorch's <c>torch.utils.data.DistributedSampler</c> for the same
/// <c>(length, numReplicas, rank, shuffle, seed, epoch, dropLast)</c>.
/// </summary>
/// <remarks>
/// The order comes from <c>randperm(length)</c> with a generator seeded <c>seed + epoch</c>. Without
/// <c>dropLast</c> the permutation is padded by repeating its start so every rank gets the same
/// <see cref="Count"/>; with it, the tail is cut. Rank <c>r</c> takes every <c>numReplicas</c>-th index from <c>r</c>.
/// Forgetting <see cref="SetEpoch"/> replays epoch 0's order every epoch.
/// An epoch interrupted on any number of ranks resumes on this sampler's ranks with <see cref="Resume(SamplerResumeState)"/>:
/// the permutation's positions not yet consumed are dealt round-robin to the ranks, padded as above (or cut with <c>dropLast</c>).
/// </remarks>
public sealed class DistributedSampler : ISampler, IElasticSampler, IIndexArray, IIndexLimit
{
    private readonly long _length;
    private readonly long _count;
    private readonly ElasticEpoch _elastic;

    /// <summary>Creates a distributed sampler.</summary>
    /// <param name="length">The number of samples in the data set; must be positive. Every rank holds a permutation of all of them in memory: at most <see cref="Array.MaxLength"/>, and 16 bytes each must fit in the memory the process may use.</param>
    /// <param name="numReplicas">The number of processes; defaults to <see cref="Distributed.Dist.WorldSize"/>. The indices of all ranks (<see cref="Count"/> × <paramref name="numReplicas"/>) are held in memory too.</param>
    /// <param name="rank">This process's rank; defaults to <see cref="Distributed.Dist.Rank"/>.</param>
    /// <param name="shuffle">Shuffle every epoch; otherwise shard the data in order.</param>
    /// <param name="seed">The seed that, with the epoch, fixes the order; the same on every rank.</param>
    /// <param name="dropLast">Cut the tail so shards divide evenly, instead of padding with repeated indices.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or too large to hold in memory, or <paramref name="rank"/> is not below <paramref name="numReplicas"/>.</exception>
    public DistributedSampler(long length, int? numReplicas = null, int? rank = null, bool shuffle = true, int seed = 0, bool dropLast = false)
    {
        _length = Check.HeldInMemory(Check.Positive(length), "a permutation of all samples (torch.randperm)", nameof(length));
        (NumReplicas, Rank) = Check.Replicas(numReplicas, rank);
        if (dropLast && length < NumReplicas)
            throw new ArgumentException($"With dropLast, length ({length}) must be at least numReplicas ({NumReplicas}); every rank would get nothing.", nameof(length));
        Shuffle = shuffle;
        Seed = seed;
        DropLast = dropLast;
        // PyTorch: ceil((len - n) / n) when dropping an uneven tail, else ceil(len / n).
        _count = dropLast && length % NumReplicas != 0
            ? (length - NumReplicas + NumReplicas - 1) / NumReplicas
            : (length + NumReplicas - 1) / NumReplicas;
        _elastic = new ElasticEpoch(_length, NumReplicas, "the sampler's length");
        Check.HeldInMemory(_count * NumReplicas, $"the indices of all ranks ({Count} × {NumReplicas})", nameof(numReplicas), NumReplicas);
    }

    /// <summary>The number of processes the data is sharded across.</summary>
    public int NumReplicas { get; }
    /// <summary>This process's shard.</summary>
    public int Rank { get; }
    /// <summary>Whether the order is reshuffled every epoch.</summary>
    public bool Shuffle { get; }
    /// <summary>The seed shared by all ranks.</summary>
    public int Seed { get; }
    /// <summary>Whether the uneven tail is cut rather than padded.</summary>
    public bool DropLast { get; }
    /// <summary>The epoch the next enumeration uses.</summary>
    public int Epoch => _elastic.Epoch;

    /// <summary>The number of indices per rank and epoch: the same on every rank (in a resumed epoch, its remainder's share).</summary>
    public long Count => _elastic.IsResumed ? _elastic.ResumedCount : _count;

    /// <inheritdoc />
    public bool IsResumed => _elastic.IsResumed;

    /// <inheritdoc />
    public long EpochVersion => _elastic.Version;

    /// <summary>Whether the order changes with the epoch: <see cref="Shuffle"/>.</summary>
    public bool OrderDependsOnEpoch => Shuffle;

    /// <inheritdoc />
    public void SetEpoch(int epoch) => _elastic.Set(epoch);

    /// <inheritdoc />
    /// <remarks>The state counts positions of the epoch's permutation (of all <c>length</c> samples): at most <c>length</c>, padding not included.</remarks>
    public SamplerResumeState GetResumeState(long consumedOnThisRank)
        => _elastic.StateAfter(consumedOnThisRank, Count);

    /// <inheritdoc />
    /// <remarks>
    /// The remaining <c>length − state.Consumed</c> positions of epoch <c>state.Epoch</c>'s permutation are dealt round-robin
    /// to the ranks; without <see cref="DropLast"/> the remainder is padded by repeating its start so every rank gets
    /// the same <see cref="Count"/> (<c>ceil(remaining / NumReplicas)</c>), with it the uneven tail is cut.
    /// </remarks>
    public void Resume(SamplerResumeState state)
        => _elastic.Resume(state, DropLast);

    /// <summary>
    /// Resumes epoch <paramref name="epoch"/> after each of <paramref name="previousReplicas"/> ranks consumed its first
    /// <paramref name="consumedPerRank"/> indices of an ordinary (not itself resumed) epoch; see <see cref="Resume(SamplerResumeState)"/>.
    /// </summary>
    /// <param name="epoch">The interrupted epoch.</param>
    /// <param name="consumedPerRank">Indices every rank of the interrupted job consumed in that epoch.</param>
    /// <param name="previousReplicas">The number of ranks of the interrupted job.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, or <paramref name="previousReplicas"/> is not positive.</exception>
    public void Resume(int epoch, long consumedPerRank, int previousReplicas)
        => Resume(_elastic.StateOf(epoch, consumedPerRank, previousReplicas, nameof(consumedPerRank)));

    /// <summary>All ranks' indices of the current (ordinary) epoch, padded or cut to <c>Count × NumReplicas</c>.</summary>
    internal long[] GlobalIndices()
    {
        long[] order = Order();
        long total = _count * NumReplicas;
        if (total == order.LongLength) return order;
        var indices = new long[total];
        // Padding repeats the permutation from its start, as many times as needed; cutting keeps the head.
        for (long i = 0; i < total; i++) indices[i] = order[i % order.LongLength];
        return indices;
    }

    /// <summary>This rank's indices of the current epoch.</summary>
    private long[] RankIndices()
    {
        long count = Count;
        var mine = new long[count];
        if (_elastic.ResumedFrom < 0)
        {
            long[] all = GlobalIndices();
            for (long i = 0; i < count; i++) mine[i] = all[Rank + i * NumReplicas];
            return mine;
        }
        long[] order = Order();
        long remaining = _length - _elastic.ResumedFrom;
        for (long i = 0; i < count; i++) mine[i] = order[_elastic.ResumedFrom + (Rank + i * NumReplicas) % remaining];
        return mine;
    }

    /// <summary>The epoch's order of all samples: the permutation, or 0, 1, 2, … without shuffling.</summary>
    private long[] Order()
    {
        long[] order;
        if (Shuffle)
        {
            using var generator = Permutations.ForEpoch(Seed, _elastic.Epoch);
            order = Permutations.RandPerm(_length, generator);
        }
        else
        {
            order = new long[_length];
            for (long i = 0; i < _length; i++) order[i] = i;
        }
        return order;
    }

    /// <inheritdoc />
    public IEnumerator<long> GetEnumerator()
    {
        foreach (long index in RankIndices()) yield return index;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    long? IIndexLimit.IndexLimit => _length;

    long[] IIndexArray.EpochIndices() => RankIndices();
}
