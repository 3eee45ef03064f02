using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

public class EpochDataLoaderTests
{
    [Theory]
    [InlineData(10, 3, false, 4)]
    [InlineData(10, 3, true, 3)]
    [InlineData(12, 4, false, 3)]
    public void CountIsTheNumberOfBatchesYielded(int n, int batchSize, bool dropLast, int batches)
    {
        using var loader = new EpochDataLoader(TestData.Indexed(n), batchSize, shuffle: true, dropLast: dropLast, disposeDataset: true);
        Assert.Equal(batches, loader.Count);
        Assert.Equal(batches, loader.Count());
    }

    [Fact]
    public void SequentialBatchesHoldTheRightSamplesAndColumns()
    {
        using var loader = new EpochDataLoader(TestData.Indexed(10, classes: 3), batchSize: 4, disposeDataset: true);
        var batches = loader.Select(b => (data: b["data"].squeeze(1).data<float>().ToArray(), label: b["label"].data<long>().ToArray())).ToList();
        Assert.Equal([0f, 1, 2, 3], batches[0].data);
        Assert.Equal([8f, 9], batches[2].data);
        Assert.Equal([0L, 1, 2, 0], batches[0].label); // label = index % 3
    }

    [Fact]
    public void ShuffledEpochIsAPermutationAndMatchesRandomSampler()
    {
        using var loader = new EpochDataLoader(TestData.Indexed(50), batchSize: 8, shuffle: true, seed: 3, disposeDataset: true);
        loader.SetEpoch(2);
        var seen = TestData.Epoch(loader).SelectMany(b => b).ToList();
        var sampler = new RandomSampler(50, seed: 3);
        sampler.SetEpoch(2);
        Assert.Equal(sampler.ToList(), seen);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), seen.Order());
    }

    [Fact]
    public void IterateFromSkipsBatchesWithoutChangingTheRest()
    {
        using var loader = new EpochDataLoader(TestData.Indexed(40), batchSize: 6, shuffle: true, seed: 1, disposeDataset: true);
        loader.SetEpoch(5);
        var all = TestData.Epoch(loader);
        Assert.Equal(all.Skip(4), TestData.Epoch(loader.IterateFrom(4)));
        Assert.Empty(TestData.Epoch(loader.IterateFrom(100)));
    }

    [Fact]
    public void PrefetchYieldsTheSameBatches()
    {
        using var plain = new EpochDataLoader(TestData.Indexed(100), batchSize: 7, shuffle: true, seed: 9, disposeDataset: true);
        using var prefetching = new EpochDataLoader(TestData.Indexed(100), batchSize: 7, shuffle: true, seed: 9, prefetch: true, disposeDataset: true);
        Assert.Equal(TestData.Epoch(plain), TestData.Epoch(prefetching));
    }

    [Fact]
    public void BatchesAreDisposedWhenTheNextIsFetched()
    {
        using var loader = new EpochDataLoader(TestData.Indexed(20), batchSize: 5, disposeDataset: true);
        Tensor? previous = null;
        foreach (var batch in loader)
        {
            if (previous is not null) Assert.True(previous.IsInvalid);
            previous = batch["data"];
        }
        Assert.True(previous!.IsInvalid); // a finished epoch disposes its last batch too
        Assert.Equal([0f, 1, 2, 3, 4], loader.First()["data"].squeeze(1).data<float>().ToArray());
    }

    [Fact]
    public void WorksAsADatasetForTorchSharpsOwnDataLoaderAndWithOtherDatasets()
    {
        using var dataset = TestData.Indexed(12);
        using var theirs = new TorchSharp.Modules.DataLoader(dataset, 4, shuffle: false, disposeDataset: false);
        using var ours = new EpochDataLoader(new RowsOnly(dataset), batchSize: 4);
        Assert.Equal(TestData.Epoch(theirs), TestData.Epoch(ours)); // the stacking path equals the index_select path
    }

    /// <summary>A data set that is not an InMemoryDataset: read sample by sample.</summary>
    private sealed class RowsOnly(InMemoryDataset inner) : torch.utils.data.Dataset
    {
        public override long Count => inner.Count;
        public override Dictionary<string, Tensor> GetTensor(long index) => inner.GetTensor(index);
    }

    [Fact]
    public void TypedLoaderCollatesBatches()
    {
        using var loader = new EpochDataLoader<long, long[]>(new Numbers(9), (samples, _) => samples.ToArray(), batchSize: 4);
        Assert.Equal([[0L, 1, 2, 3], [4L, 5, 6, 7], [8L]], loader.ToList());
        Assert.Equal(3, loader.Count);
    }

    private sealed class Numbers(long n) : torch.utils.data.Dataset<long>
    {
        public override long Count => n;
        public override long GetTensor(long index) => index;
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        using var data = TestData.Indexed(10);
        var batchSampler = new BatchSampler(new SequentialSampler(10), 2);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new EpochDataLoader(data, batchSize: 0)).ParamName);
        Assert.Equal("shuffle", Assert.Throws<ArgumentException>(() => new EpochDataLoader(data, shuffle: true, sampler: new SequentialSampler(10))).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentException>(() => new EpochDataLoader(data, batchSize: 4, batchSampler: batchSampler)).ParamName);
        Assert.Equal("shuffle", Assert.Throws<ArgumentException>(() => new EpochDataLoader(data, shuffle: true, batchSampler: batchSampler)).ParamName);
        Assert.Equal("sampler", Assert.Throws<ArgumentException>(() => new EpochDataLoader(data, sampler: new SequentialSampler(10), batchSampler: batchSampler)).ParamName);
        Assert.Equal("dropLast", Assert.Throws<ArgumentException>(() => new EpochDataLoader(data, dropLast: true, batchSampler: batchSampler)).ParamName);
        Assert.Equal("dataset", Assert.Throws<ArgumentNullException>(() => new EpochDataLoader(null!)).ParamName);
        Assert.Equal("firstBatch", Assert.Throws<ArgumentOutOfRangeException>(() => new EpochDataLoader(data).IterateFrom(-1)).ParamName);
        using var empty = new Composer.Data.InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = zeros(0, 3) });
        Assert.Equal("dataset", Assert.Throws<ArgumentException>(() => new EpochDataLoader(empty)).ParamName);
    }
}
