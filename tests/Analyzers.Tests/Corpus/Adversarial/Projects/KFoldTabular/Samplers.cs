using System.Collections;
using Composer.Data;

namespace KFoldTabular;

/// <summary>PyTorch's <c>SubsetRandomSampler</c>: a fixed subset of indices, reshuffled from (seed, epoch).</summary>
public sealed class SubsetSampler(long[] indices, int seed = 0) : ISampler, IEpochAware
{
    private int _epoch;

    public long Count => indices.Length;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long> GetEnumerator()
    {
        var order = (long[])indices.Clone();
        new Random(HashCode.Combine(seed, _epoch)).Shuffle(order);
        foreach (var index in order)
            yield return index;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A fixed subset read in order (validation folds).</summary>
public sealed class OrderedSubset(long[] indices) : ISampler
{
    public long Count => indices.Length;

    public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)indices).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Folds
{
    public static (long[] Train, long[] Val)[] Split(long count, int folds, int seed)
    {
        var order = Enumerable.Range(0, checked((int)count)).Select(i => (long)i).ToArray();
        new Random(seed).Shuffle(order);
        return Enumerable.Range(0, folds).Select(f =>
        {
            var val = order.Where((_, i) => i % folds == f).ToArray();
            var train = order.Where((_, i) => i % folds != f).ToArray();
            return (train, val);
        }).ToArray();
    }
}
