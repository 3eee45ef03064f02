using System.Collections;

namespace Composer.Data;

/// <summary>
/// Yields the indices of a data set in random order, reshuffled every epoch from <c>(seed, epoch)</c>:
/// PyTorch's <c>RandomSampler</c> driven by a generator seeded <c>seed + epoch</c>.
/// </summary>
public sealed class RandomSampler : ISampler, IEpochVersioned, IIndexArray, IIndexLimit
{
    private readonly long _length;
    private readonly int _seed;
    private int _epoch;
    private long _epochVersion;

    /// <summary>Creates a random sampler.</summary>
    /// <param name="length">The number of samples in the data set; must be positive. Without replacement, a permutation of all of them is held in memory: at most <see cref="Array.MaxLength"/>, and 16 bytes each must fit in the memory the process may use.</param>
    /// <param name="seed">The seed that, with the epoch, fixes the order.</param>
    /// <param name="replacement">Draw with replacement (indices may repeat) instead of permuting.</param>
    /// <param name="numSamples">How many indices an epoch yields; defaults to <paramref name="length"/>. An epoch's indices are held in memory, with the same limits as a permutation.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> or <paramref name="numSamples"/> is not positive, or too large to hold in memory.</exception>
    public RandomSampler(long length, int seed = 0, bool replacement = false, long? numSamples = null)
    {
        _length = Check.Positive(length);
        if (!replacement) Check.HeldInMemory(length, "a permutation of all samples (torch.randperm, without replacement)");
        _seed = seed;
        Replacement = replacement;
        Count = numSamples is long n ? Check.Positive(n, nameof(numSamples)) : length;
        Check.HeldInMemory(Count, "an epoch's indices", numSamples is null ? nameof(length) : nameof(numSamples));
    }

    /// <summary>Whether indices are drawn with replacement.</summary>
    public bool Replacement { get; }

    /// <summary>The epoch the next enumeration uses.</summary>
    public int Epoch => _epoch;

    /// <inheritdoc />
    public long Count { get; }

    /// <inheritdoc />
    public long EpochVersion => _epochVersion;

    /// <summary>Always true: every epoch has its own order.</summary>
    public bool OrderDependsOnEpoch => true;

    /// <inheritdoc />
    public void SetEpoch(int epoch)
    {
        _epoch = Check.Epoch(epoch);
        _epochVersion++;
    }

    /// <inheritdoc />
    public IEnumerator<long> GetEnumerator()
    {
        using var generator = Permutations.ForEpoch(_seed, _epoch);
        if (Replacement)
        {
            // PyTorch draws in chunks of 32; the same chunks give the same numbers.
            for (long drawn = 0; drawn < Count; drawn += 32)
                foreach (long index in Permutations.RandInt(_length, Math.Min(32, Count - drawn), generator))
                    yield return index;
            yield break;
        }
        for (long left = Count; left > 0; left -= _length)
        {
            long[] permutation = Permutations.RandPerm(_length, generator);
            for (long i = 0; i < Math.Min(left, _length); i++) yield return permutation[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    long? IIndexLimit.IndexLimit => _length;

    long[] IIndexArray.EpochIndices()
    {
        // One permutation, the common case, without enumerating; otherwise what the enumerator yields.
        if (Replacement || Count != _length) return [.. this];
        using var generator = Permutations.ForEpoch(_seed, _epoch);
        return Permutations.RandPerm(_length, generator);
    }
}
