using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>Loaders that do not implement <see cref="IDataLoader{TBatch}"/>, as the trainer reads them.</summary>
public class ForeignLoaderTests
{
    [Theory]
    [InlineData(0, false, 3)]
    [InlineData(1, false, 3)]
    [InlineData(0, true, 2)]
    [InlineData(1, true, 2)]
    public void ATorchSharpLoaderWithADistributedSamplerCountsThisRanksBatches(int rank, bool dropLast, long expected)
    {
        // 50 samples over 2 ranks: 25 each, in batches of 10. TorchSharp's own Count divides the whole data set.
        var sampler = new DistributedSampler(50, numReplicas: 2, rank: rank, seed: 4);
        using var torchLoader = new TorchSharp.Modules.DataLoader(TestData.Indexed(50), 10, sampler, drop_last: dropLast, disposeDataset: true);
        var loader = ForeignLoader<Dictionary<string, Tensor>>.Adapt(torchLoader);

        Assert.Equal(5, torchLoader.Count);
        Assert.Equal(expected, loader.Count);
        loader.SetEpoch(3);
        var batches = TestData.Epoch(loader);
        Assert.Equal(expected, batches.Count);

        var reference = new DistributedSampler(50, numReplicas: 2, rank: rank, seed: 4);
        reference.SetEpoch(3);
        Assert.Equal(reference.Take((int)expected * 10), batches.SelectMany(b => b)); // the epoch reached the sampler
    }

    [Fact]
    public void APortedPyTorchLoaderCountsItsBatchSamplersBatchesAndResumesBySkipping()
    {
        var batchSampler = new ClassBalancedBatchSampler(TestData.Labels(40), classesPerBatch: 2, samplesPerClass: 3, seed: 1);
        var ported = new PortedLoader(TestData.Indexed(40), batchSampler);
        var loader = ForeignLoader<Dictionary<string, Tensor>>.Adapt(ported);

        Assert.Equal(batchSampler.Count, loader.Count); // len(loader) is len(batch_sampler), whatever the port's Count says
        Assert.NotEqual(ported.Count, loader.Count);
        loader.SetEpoch(2);
        var whole = TestData.Epoch(loader);
        loader.SetEpoch(2);
        Assert.Equal(whole.Skip(4), TestData.Epoch(loader.IterateFrom(4))); // the slow path: the same batches
        Assert.Empty(loader.IterateFrom(whole.Count + 3));
        Assert.Null(loader.BatchSampler); // not inspected: a foreign loader's parts are only read for the count and the epoch
    }

    [Fact]
    public void LoadersWithoutSamplersCountWhatTheySayOrNothing()
    {
        var list = new List<Dictionary<string, Tensor>> { new(), new(), new() };
        Assert.Equal(3, ForeignLoader<Dictionary<string, Tensor>>.Adapt(list).Count);
        Assert.Null(ForeignLoader<Dictionary<string, Tensor>>.Adapt(Generated(4)).Count);
        Assert.Equal(7, ForeignLoader<int>.Adapt(new CountedOnly(7)).Count);
        Assert.Equal(4, ForeignLoader<int>.Adapt(Generated(4).Select((_, i) => i)).Count());
    }

    [Fact]
    public void AnIDataLoaderIsTakenAsItIs()
    {
        using var loader = new EpochDataLoader(TestData.Indexed(8), batchSize: 3, disposeDataset: true);
        Assert.Same(loader, ForeignLoader<Dictionary<string, Tensor>>.Adapt(loader));
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        Assert.Equal("loader", Assert.Throws<ArgumentNullException>(() => ForeignLoader<int>.Adapt(null!)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ForeignLoader<int>.Adapt([1, 2]).IterateFrom(-1));
        Assert.Equal("firstBatch", e.ParamName);
        Assert.Contains("-1", e.Message);
    }

    private static IEnumerable<Dictionary<string, Tensor>> Generated(int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return new Dictionary<string, Tensor>();
        }
    }

    /// <summary>A loader ported from PyTorch: <c>batch_sampler</c>, a sequential <c>sampler</c>, and a <c>Count</c> of the data set.</summary>
    private sealed class PortedLoader(InMemoryDataset data, IBatchSampler batches) : IEnumerable<Dictionary<string, Tensor>>
    {
        public InMemoryDataset dataset { get; } = data;
        public IBatchSampler batch_sampler { get; } = batches;
        public ISampler sampler { get; } = new SequentialSampler(data.Count);
        public int batch_size => 1;
        public long Count => dataset.Count;

        public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
        {
            foreach (long[] indices in batch_sampler)
            {
                yield return dataset.GetBatch(indices);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A loader that only says how many batches it has.</summary>
    private sealed class CountedOnly(int count) : IEnumerable<int>
    {
        public int Count => count;
        public IEnumerator<int> GetEnumerator() => Enumerable.Range(0, count).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
