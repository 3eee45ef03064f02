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

    public static TheoryData<string> Spellings() => ["BatchSize, DropLast", "batchSize, dropLast", "_batchSize, _dropLast", "_batch_size, _drop_last"];

    [Theory]
    [MemberData(nameof(Spellings))]
    public void ReadsTheBatchSizeAndDropLastUnderEverySpellingItNames(string spelling)
    {
        // 10 samples in batches of 3: 4 batches, 3 when the short last one is dropped; the loaders' own Count says neither.
        foreach (bool dropLast in new[] { false, true })
        {
            IEnumerable<int> ported = spelling switch
            {
                "BatchSize, DropLast" => new Pascal(3, dropLast),
                "batchSize, dropLast" => new Camel(3, dropLast),
                "_batchSize, _dropLast" => new Private(3, dropLast),
                _ => new Snake(3, dropLast),
            };
            Assert.Equal(dropLast ? 3 : 4, ForeignLoader<int>.Adapt(ported).Count);
        }
    }

    /// <summary>A loader with a sampler and a batch size: counted as PyTorch's len(loader), not by its own Count.</summary>
    private abstract class SizedLoader : IEnumerable<int>
    {
        public ISampler sampler { get; } = new SequentialSampler(10);
        public long Count => 99;
        public IEnumerator<int> GetEnumerator() => Enumerable.Range(0, 4).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Pascal(int batchSize, bool dropLast) : SizedLoader
    {
        public int BatchSize => batchSize;
        public bool DropLast => dropLast;
    }

    private sealed class Camel(int batchSize, bool dropLast) : SizedLoader
    {
        public int batchSize = batchSize;
        public bool dropLast = dropLast;
    }

    private sealed class Private(int batchSize, bool dropLast) : SizedLoader
    {
        private readonly long _batchSize = batchSize;
        private readonly bool _dropLast = dropLast;
        public override string ToString() => $"{_batchSize} {_dropLast}";
    }

    private sealed class Snake(int batchSize, bool dropLast) : SizedLoader
    {
        private readonly int _batch_size = batchSize;
        private readonly bool _drop_last = dropLast;
        public override string ToString() => $"{_batch_size} {_drop_last}";
    }

    [Fact]
    public void AResumePastTheEndStopsAtTheEnd()
    {
        var batches = new CountingEnumerable(3);
        var loader = ForeignLoader<int>.Adapt(batches);
        Assert.Empty(loader.IterateFrom(long.MaxValue)); // returns at once
        Assert.Equal(4, batches.MoveNexts); // three batches and the end, each read once
        Assert.Equal([2], loader.IterateFrom(2));
    }

    /// <summary>Batches 0, 1, ... that count the MoveNext calls made on them; a runaway reader is stopped.</summary>
    private sealed class CountingEnumerable(int count) : IEnumerable<int>
    {
        public int MoveNexts;

        public IEnumerator<int> GetEnumerator() => new Counting(this, count);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private sealed class Counting(CountingEnumerable owner, int count) : IEnumerator<int>
        {
            public int Current { get; private set; } = -1;
            object IEnumerator.Current => Current;

            public bool MoveNext()
            {
                if (++owner.MoveNexts > 1000) throw new InvalidOperationException("MoveNext called 1000 times: a runaway reader");
                if (Current + 1 >= count)
                {
                    Current = count;
                    return false;
                }
                Current++;
                return true;
            }

            public void Reset() => Current = -1;
            public void Dispose() { }
        }
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
