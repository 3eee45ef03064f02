namespace Composer.Data;

/// <summary>
/// The random numbers of one sample in one epoch: a generator seeded from <c>(seed, epoch, index)</c> alone, so
/// that an augmented sample is the same whichever thread loads it, with any number of workers, in any order,
/// and after a mid-epoch resume. (PyTorch seeds each worker's generator from the worker id instead, so its
/// augmentations change with the number of workers.)
/// </summary>
/// <remarks>
/// <para>The seed is a stable hash, SplitMix64's finalizer chained over <c>seed</c>, <c>epoch</c> and
/// <c>index</c>; the numbers are SplitMix64's sequence from it. Both are fixed here and do not depend on the
/// .NET version (<see cref="Random"/>'s seeded sequence is not specified to stay the same).</para>
/// <para>Loaders make one per sample and hand it to an <see cref="IRandomizedDataset{T}"/>, which hands it to its
/// transforms; each draws what it needs, in order. An instance is not thread-safe: it belongs to the sample
/// being loaded, and different samples' generators may be used on different threads at once.</para>
/// </remarks>
public sealed class SampleRandom
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;
    private ulong _state;

    /// <summary>Creates the generator of sample <paramref name="index"/> in <paramref name="epoch"/>.</summary>
    /// <param name="seed">The loader's seed.</param>
    /// <param name="epoch">The zero-based epoch; not negative.</param>
    /// <param name="index">The sample's index in its data set; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> or <paramref name="index"/> is negative.</exception>
    public SampleRandom(int seed, int epoch, long index)
    {
        Check.Epoch(epoch);
        Check.NotNegative(index);
        Seed = seed;
        Epoch = epoch;
        Index = index;
        _state = Mix(Mix(Mix(unchecked((ulong)(uint)seed + Gamma)) ^ (uint)epoch) ^ (ulong)index);
    }

    /// <summary>The loader's seed.</summary>
    public int Seed { get; }
    /// <summary>The epoch.</summary>
    public int Epoch { get; }
    /// <summary>The sample's index in its data set.</summary>
    public long Index { get; }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state = unchecked(_state + Gamma);
        return Mix(_state);
    }

    /// <summary>A uniform integer in <c>[0, <paramref name="maxExclusive"/>)</c>, without modulo bias.</summary>
    /// <param name="maxExclusive">The upper bound; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is not positive.</exception>
    public int Next(int maxExclusive)
    {
        Check.Positive(maxExclusive);
        return (int)Below((uint)maxExclusive);
    }

    /// <summary>A uniform integer in <c>[<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>)</c>, without modulo bias.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is not greater than <paramref name="minInclusive"/>.</exception>
    public int Next(int minInclusive, int maxExclusive)
    {
        if (maxExclusive <= minInclusive)
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, $"maxExclusive must be greater than minInclusive = {minInclusive}, but was {maxExclusive}.");
        return (int)(minInclusive + Below((uint)((long)maxExclusive - minInclusive)));
    }

    /// <summary>Lemire's multiply-and-reject: uniform in [0, bound), one draw almost always.</summary>
    private uint Below(uint bound)
    {
        ulong product = (NextUInt64() >> 32) * bound;
        if ((uint)product < bound)
        {
            uint threshold = unchecked(0u - bound) % bound; // 2^32 mod bound
            while ((uint)product < threshold) product = (NextUInt64() >> 32) * bound;
        }
        return (uint)(product >> 32);
    }

    /// <summary>A uniform double in <c>[0, 1)</c> with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform float in <c>[0, 1)</c> with 24 random bits.</summary>
    public float NextSingle() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>True with probability <paramref name="probability"/>; draws one number whatever the probability, so later draws do not depend on it.</summary>
    /// <param name="probability">In <c>[0, 1]</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside <c>[0, 1]</c> or NaN.</exception>
    public bool NextBoolean(double probability = 0.5)
    {
        if (!(probability >= 0 && probability <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, $"probability must be in [0, 1], but was {probability}.");
        return NextDouble() < probability;
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"SampleRandom(seed {Seed}, epoch {Epoch}, index {Index})";
}
