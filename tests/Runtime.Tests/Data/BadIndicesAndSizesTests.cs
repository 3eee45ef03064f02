using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>
/// Indices outside the data set and sizes beyond memory, tried as a user would: each is an exception that names
/// the argument and the value, at construction or at the batch it concerns — never a native exception with a
/// C++ trace, a crash of the process, a silent overflow or a long wait for an OutOfMemoryException.
/// </summary>
public class BadIndicesAndSizesTests
{
    /// <summary>A sampler of a user's own: the loader cannot know its range before it yields.</summary>
    private sealed class ListSampler(params long[] indices) : ISampler
    {
        public long Count => indices.Length;
        public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)indices).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class ListBatchSampler(params long[]?[] batches) : IBatchSampler
    {
        public long Count => batches.Length;
        public IEnumerator<long[]> GetEnumerator() => batches.Select(b => b!).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A data set read sample by sample (not an InMemoryDataset); its Count may say anything.</summary>
    private sealed class Rows(long count) : torch.utils.data.Dataset
    {
        public override long Count => count;
        public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["data"] = tensor(new[] { (float)index }) };
    }

    private sealed class Numbers(long n) : torch.utils.data.Dataset<long>
    {
        public override long Count => n;
        public override long GetTensor(long index) => index;
    }

    public static TheoryData<string> Loaders() => ["in memory", "in memory, prefetching", "read sample by sample", "typed"];

    /// <summary>Enumerates one epoch of a loader over 10 samples whose sampler is <paramref name="sampler"/>, batches of 4.</summary>
    private static int BatchesBeforeFailing(string kind, ISampler? sampler = null, IBatchSampler? batchSampler = null)
    {
        int batches = 0;
        int size = batchSampler is null ? 4 : 1;
        IEnumerable loader = kind switch
        {
            "read sample by sample" => new EpochDataLoader(new Rows(10), size, sampler: sampler, batchSampler: batchSampler),
            "typed" => new EpochDataLoader<long, long[]>(new Numbers(10), (s, _) => s.ToArray(), size, sampler: sampler, batchSampler: batchSampler),
            _ => new EpochDataLoader(TestData.Indexed(10), size, sampler: sampler, batchSampler: batchSampler, prefetch: kind.Contains("prefetching"), disposeDataset: true),
        };
        try
        {
            foreach (var _ in loader) batches++;
        }
        finally
        {
            (loader as IDisposable)?.Dispose();
        }
        return batches;
    }

    [Theory]
    [MemberData(nameof(Loaders))]
    public void ASamplerIndexOutsideTheDataSetNamesTheSamplerTheIndexAndTheBatch(string kind)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BatchesBeforeFailing(kind, sampler: new ListSampler(0, 1, 2, 3, 4, 5, 6, 7, 8, 12)));
        Assert.Equal("sampler", e.ParamName);
        Assert.Equal(12L, e.ActualValue);
        Assert.Contains("sampler (ListSampler) yielded index 12 in batch 2, outside the data set's 10 samples (indices 0 to 9)", e.Message);

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => BatchesBeforeFailing(kind, sampler: new ListSampler(3, -1)));
        Assert.Equal(-1L, negative.ActualValue);
        Assert.Contains("batch 0", negative.Message);
    }

    [Theory]
    [MemberData(nameof(Loaders))]
    public void ABatchSamplerIndexOutsideTheDataSetNamesTheBatchSampler(string kind)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BatchesBeforeFailing(kind, batchSampler: new ListBatchSampler([0, 1], [2, 3], [9, 10, 4])));
        Assert.Equal("batchSampler", e.ParamName);
        Assert.Equal(10L, e.ActualValue);
        Assert.Contains("yielded index 10 in batch 2", e.Message);
        Assert.Equal(3, BatchesBeforeFailing(kind, batchSampler: new ListBatchSampler([0, 1], [2, 3], [9, 4]))); // in range: loads
    }

    [Theory]
    [MemberData(nameof(Loaders))]
    public void AnEmptyOrNullBatchIsAnErrorNamingTheBatchSampler(string kind)
    {
        var empty = Assert.Throws<ArgumentException>(() => BatchesBeforeFailing(kind, batchSampler: new ListBatchSampler([0, 1], [])));
        Assert.Equal("batchSampler", empty.ParamName);
        Assert.Contains("an empty batch as batch 1", empty.Message);
        Assert.Contains("null as batch 0", Assert.Throws<ArgumentException>(() => BatchesBeforeFailing(kind, batchSampler: new ListBatchSampler([null]))).Message);
    }

    /// <summary>The runtime's samplers know the data set size they are for: a larger one is refused at construction.</summary>
    [Fact]
    public void ARuntimeSamplerForALargerDataSetIsRefusedAtConstruction()
    {
        using var data = TestData.Indexed(100);
        var random = Assert.Throws<ArgumentOutOfRangeException>(() => new EpochDataLoader(data, 8, sampler: new RandomSampler(1000)));
        Assert.Equal("sampler", random.ParamName);
        Assert.Equal(1000L, random.ActualValue);
        Assert.Contains("sampler (RandomSampler) draws indices from 0 to 999, for a data set of 1000 samples, but the data set has 100 (indices 0 to 99)", random.Message);

        Assert.Equal("sampler", Assert.Throws<ArgumentOutOfRangeException>(() => new EpochDataLoader(data, 8, sampler: new SequentialSampler(101))).ParamName);
        var batches = Assert.Throws<ArgumentOutOfRangeException>(() => new EpochDataLoader(data, batchSampler: new BatchSampler(new DistributedSampler(200, 2, 0), 8)));
        Assert.Equal("batchSampler", batches.ParamName);
        Assert.Contains("BatchSampler over DistributedSampler", batches.Message);
        Assert.Equal("batchSampler", Assert.Throws<ArgumentOutOfRangeException>(() => new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(TestData.Labels(200), 2, 4))).ParamName);
        Assert.Equal("sampler", Assert.Throws<ArgumentOutOfRangeException>(() => new EpochDataLoader<long, long[]>(new Numbers(10), (s, _) => s.ToArray(), 2, sampler: new RandomSampler(11))).ParamName);

        // A sampler over a prefix of the data set is fine.
        using var prefix = new EpochDataLoader(data, 8, sampler: new RandomSampler(50, seed: 1));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), TestData.Epoch(prefix).SelectMany(b => b).Order());
    }

    /// <summary>A data set that shrinks after its loader was made: the whole-epoch path checks the epoch against its current size.</summary>
    private sealed class Shrinking(long count) : InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = arange(count, dtype: ScalarType.Float32).unsqueeze(1) })
    {
        public long? Shrunk { get; set; }
        public override long Count => Shrunk ?? base.Count;
    }

    [Fact]
    public void AnEpochThatNoLongerFitsItsDataSetNamesTheDataSet()
    {
        using var data = new Shrinking(12);
        using var loader = new EpochDataLoader(data, 4, shuffle: true, seed: 5);
        Assert.Equal(3, TestData.Epoch(loader).Count);
        data.Shrunk = 6;
        loader.SetEpoch(1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => loader.First());
        Assert.Equal("dataset", e.ParamName);
        Assert.InRange((long)e.ActualValue!, 6, 11);
        Assert.Contains("outside the data set's 6 samples", e.Message);
    }

    [Theory]
    [InlineData("in memory")]
    [InlineData("read sample by sample")]
    [InlineData("typed")]
    public void IterateFromPastTheEndYieldsNothingHoweverLarge(string kind)
    {
        IEnumerable<object> From(long firstBatch) => kind switch
        {
            "typed" => new EpochDataLoader<long, long[]>(new Numbers(20), (s, _) => s.ToArray(), 8, shuffle: true).IterateFrom(firstBatch),
            "read sample by sample" => new EpochDataLoader(new Rows(20), 8, shuffle: true).IterateFrom(firstBatch),
            _ => new EpochDataLoader(TestData.Indexed(20), 8, shuffle: true, disposeDataset: true).IterateFrom(firstBatch),
        };
        Assert.Single(From(2));
        Assert.Empty(From(3));
        Assert.Empty(From(int.MaxValue + 1L));
        Assert.Empty(From(1L << 61)); // × 8 wraps to 0: every batch, before
        Assert.Empty(From(long.MaxValue));
    }

    [Fact]
    public void SizesBeyondAnArrayAreRefusedAtConstructionNamingTheParameterTheValueAndTheLimit()
    {
        var random = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSampler(long.MaxValue)); // crashed the process in randperm
        Assert.Equal("length", random.ParamName);
        Assert.Equal(long.MaxValue, random.ActualValue);
        Assert.Contains($"length = {long.MaxValue}: a permutation of all samples", random.Message);
        Assert.Contains($"at most {Array.MaxLength} indices", random.Message);

        var distributed = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedSampler(1L << 40, 2, 0)); // crashed the process too
        Assert.Equal("length", distributed.ParamName);
        Assert.Equal(1L << 40, distributed.ActualValue);

        var numSamples = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSampler(100, numSamples: 1L << 40)); // 15 s into an OutOfMemoryException
        Assert.Equal("numSamples", numSamples.ParamName);
        Assert.Equal(1L << 40, numSamples.ActualValue);
        Assert.Contains("an epoch's indices", numSamples.Message);

        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSampler(long.MaxValue, replacement: true)).ParamName); // numSamples defaults to length

        var replicas = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedSampler(10, numReplicas: int.MaxValue, rank: 0));
        Assert.Equal("numReplicas", replicas.ParamName);
        Assert.Equal((long)int.MaxValue, replicas.ActualValue);
    }

    [Fact]
    public void SizesBeyondMemoryAreRefusedAtConstructionAndSizesWithinItAreNot()
    {
        long fits = Math.Min(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 16, Array.MaxLength);
        _ = new RandomSampler(fits, numSamples: 10); // constructing allocates nothing
        _ = new DistributedSampler(fits - fits % 2, 2, 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSampler(fits + 1));
        Assert.Equal("length", e.ParamName);
        Assert.Equal(fits + 1, e.ActualValue);
        Assert.Contains(fits + 1 > Array.MaxLength ? "Array.MaxLength" : "this process may use", e.Message);
    }

    [Fact]
    public void WithReplacementOnlyTheEpochIsHeldSoAHugeLengthIsFine()
    {
        var sampler = new RandomSampler(long.MaxValue, seed: 3, replacement: true, numSamples: 40);
        var draws = sampler.ToList();
        Assert.Equal(40, draws.Count);
        Assert.All(draws, d => Assert.True(d >= 0));
        Assert.True(draws.Distinct().Count() > 30);
    }

    [Fact]
    public void AHugeDataSetIsRefusedForShufflingAndReadLazilyInOrder()
    {
        var shuffle = Assert.Throws<ArgumentOutOfRangeException>(() => new EpochDataLoader(new Rows(long.MaxValue), 8, shuffle: true));
        Assert.Equal("dataset", shuffle.ParamName);
        Assert.Contains($"dataset.Count = {long.MaxValue}: a permutation of all of its samples for shuffle: true", shuffle.Message);

        using var inOrder = new EpochDataLoader(new Rows(long.MaxValue), 8);
        Assert.Equal(long.MaxValue / 8 + 1, inOrder.Count);
        Assert.Equal([0f, 1, 2, 3, 4, 5, 6, 7], inOrder.First()["data"].data<float>().ToArray()); // the first batch at once, no epoch in memory
        Assert.Equal(long.MaxValue / 8 + 1, new BatchSampler(new SequentialSampler(long.MaxValue), 8).Count); // no overflow
        Assert.Equal(long.MaxValue / 8, new BatchSampler(new SequentialSampler(long.MaxValue), 8, dropLast: true).Count);
    }

    [Fact]
    public void InMemoryDatasetGetBatchNamesABadIndex()
    {
        using var data = TestData.Indexed(10);
        var array = Assert.Throws<ArgumentOutOfRangeException>(() => data.GetBatch([1, 10]));
        Assert.Equal("indices", array.ParamName);
        Assert.Equal(10L, array.ActualValue);
        using var index = tensor(new long[] { -1, 3 });
        Assert.Equal(-1L, Assert.Throws<ArgumentOutOfRangeException>(() => data.GetBatch(index)).ActualValue);
        using var good = tensor(new long[] { 9, 0 });
        Assert.Equal([9f, 0], data.GetBatch(good)["data"].squeeze(1).data<float>().ToArray());
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => data.GetTensor(10)).ParamName);
    }
    [Fact]
    public void AnEpochThatNoLongerFitsNamesTheBatchOfTheFirstBadIndexAlsoWhenResumed()
    {
        using var data = new Shrinking(12);
        using var loader = new EpochDataLoader(data, 4); // in order: index i is at position i, in batch i / 4
        data.Shrunk = 6;
        foreach (long firstBatch in new long[] { 0, 1 })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => loader.IterateFrom(firstBatch).ToList());
            Assert.Equal(6L, e.ActualValue);
            Assert.Contains("yielded index 6 in batch 1, outside the data set's 6 samples (indices 0 to 5)", e.Message);
        }
    }
}
