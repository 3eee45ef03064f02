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

    [Theory]
    [InlineData(1L << 40)]
    [InlineData(long.MaxValue)]
    public void IterateFromFarPastTheEndYieldsNothingEvenWhenBatchTimesBatchSizeOverflows(long firstBatch)
    {
        // One batch of all 10 samples; batch 2^40 starts at sample 2^40 × (2^31 - 1), past long's range.
        using var loader = new EpochDataLoader(TestData.Indexed(10), batchSize: int.MaxValue, shuffle: true, disposeDataset: true);
        Assert.Equal(1, loader.Count);
        Assert.Equal(10, Assert.Single(TestData.Epoch(loader.IterateFrom(0))).Length);
        Assert.Empty(loader.IterateFrom(firstBatch));
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

    public static TheoryData<bool, bool, int> Paths() => new()
    {
        { true, false, 0 }, { true, true, 0 }, { true, false, 2 }, // in memory: one index tensor per epoch, sliced
        { false, false, 0 }, { false, true, 0 }, { false, false, 2 }, // sample by sample, stacked
    };

    private static EpochDataLoader Loader(bool inMemory, int n, int batchSize, bool prefetch = false, int workers = 0, bool disposeBatches = true, Device? device = null)
    {
        var data = TestData.Indexed(n);
        return new EpochDataLoader(inMemory ? data : new TrackedRows(data), batchSize, shuffle: true, seed: 5, prefetch: prefetch,
            disposeBatches: disposeBatches, device: device, disposeDataset: true, workers: workers);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void OnEveryPathTheLastBatchIsDisposedWhenTheEpochEnds(bool inMemory, bool prefetch, int workers)
    {
        using var loader = Loader(inMemory, 11, 4, prefetch, workers);
        var yielded = new List<Tensor>();
        foreach (var batch in loader) yielded.AddRange(batch.Values);
        Assert.Equal(3 * 2, yielded.Count);
        Assert.All(yielded, t => Assert.True(t.IsInvalid));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void DisposeBatchesFalseKeepsEveryBatch(bool inMemory, bool prefetch, int workers)
    {
        using var loader = Loader(inMemory, 11, 4, prefetch, workers, disposeBatches: false);
        var batches = loader.ToList();
        Assert.All(batches.SelectMany(b => b.Values), t => Assert.False(t.IsInvalid));
        var reference = new RandomSampler(11, seed: 5);
        Assert.Equal(reference.ToList(), TestData.Epoch(batches).SelectMany(b => b)); // still readable, and the epoch's samples
        foreach (var t in batches.SelectMany(b => b.Values)) t.Dispose();
    }

    // PyTorch's meta device: tensors with shapes and no values, the one device besides the CPU that every machine has.
    private static readonly Device Meta = new(DeviceType.META, -1);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BatchesGoToTheLoadersDeviceAndTheirCpuCopiesAreDisposed(bool inMemory)
    {
        using var data = TestData.Indexed(10);
        using var loader = new EpochDataLoader(inMemory ? data : new RowsOnly(data), batchSize: 4, shuffle: true, seed: 5, device: Meta);
        Assert.Equal(DeviceType.META, loader.Device.type);
        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        int batches = 0;
        foreach (var batch in loader)
        {
            Assert.All(batch.Values, t => Assert.Equal(DeviceType.META, t.device_type));
            Assert.Equal(batches < 2 ? 4 : 2, batch["data"].shape[0]);
            batches++;
        }
        Assert.Equal(3, batches);
        // Every tensor the epoch made, on the CPU or on the device, is gone when it ends.
        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void TheTypedLoaderCollatesOnItsDevice()
    {
        var devices = new List<DeviceType>();
        using var loader = new EpochDataLoader<long, long[]>(new Numbers(5), (samples, device) => { devices.Add(device.type); return samples.ToArray(); }, batchSize: 2, device: Meta);
        Assert.Equal(DeviceType.META, loader.Device.type);
        Assert.Equal(3, loader.Count());
        Assert.Equal([DeviceType.META, DeviceType.META, DeviceType.META], devices);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DisposeDatasetDecidesWhetherTheDataSetGoesWithTheLoader(bool disposeDataset)
    {
        var dataset = new TrackedRows(TestData.Indexed(6));
        var loader = new EpochDataLoader(dataset, batchSize: 3, disposeDataset: disposeDataset);
        Assert.Equal(2, loader.Count());
        loader.Dispose();
        Assert.Equal(disposeDataset, dataset.Disposed);
        if (!disposeDataset) dataset.Dispose();
    }

    private sealed class TrackedRows(InMemoryDataset inner) : torch.utils.data.Dataset
    {
        public bool Disposed { get; private set; }
        public override long Count => inner.Count;
        public override Dictionary<string, Tensor> GetTensor(long index) => inner.GetTensor(index);
        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            inner.Dispose();
            base.Dispose(disposing);
        }
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 2)]
    public void ADisposedLoaderLoadsNoMore(bool prefetch, int workers)
    {
        using var dataset = TestData.Indexed(12);
        var loader = new EpochDataLoader(dataset, batchSize: 3, prefetch: prefetch, workers: workers);
        using (var batches = loader.GetEnumerator())
        {
            Assert.True(batches.MoveNext());
            loader.Dispose();
            Assert.Throws<ObjectDisposedException>(() => batches.MoveNext()); // the running enumeration stops
        }
        Assert.Throws<ObjectDisposedException>(() => loader.First()); // and no new one starts
    }

    /// <summary>A batch sampler of the user's that counts the batches of indices taken from it.</summary>
    private sealed class CountingBatchSampler(int n, int batchSize) : IBatchSampler
    {
        public int Taken;
        public long Count => (n + batchSize - 1) / batchSize;
        public IEnumerator<long[]> GetEnumerator()
        {
            foreach (var batch in Enumerable.Range(0, n).Select(i => (long)i).Chunk(batchSize))
            {
                Taken++;
                yield return batch;
            }
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A batch sampler of the user's that keeps a weak reference to every batch of indices it hands out.</summary>
    private sealed class TrackedBatchSampler(int n, int batchSize) : IBatchSampler
    {
        public List<WeakReference> Batches { get; } = [];
        public long Count => (n + batchSize - 1) / batchSize;
        public IEnumerator<long[]> GetEnumerator()
        {
            foreach (var batch in Enumerable.Range(0, n).Select(i => (long)i).Chunk(batchSize))
            {
                Batches.Add(new WeakReference(batch));
                yield return batch;
            }
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void ALoaderKeepsNothingOfItsFinishedEnumerationsWorkers()
    {
        var batchSampler = new TrackedBatchSampler(12, 3);
        using var loader = new EpochDataLoader(new RowsOnly(TestData.Indexed(12)), batchSampler: batchSampler, workers: 2);
        loader.ReplayedEpochPolicy = ReplayedEpochPolicy.Ignore;
        Enumerate(loader, epochs: 3);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        // Every epoch's workers, and the indices they read, are garbage while the loader lives on.
        Assert.Equal(3 * 4, batchSampler.Batches.Count);
        Assert.All(batchSampler.Batches, batch => Assert.False(batch.IsAlive));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Enumerate(EpochDataLoader loader, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Assert.Equal(4, loader.Count());
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WorkersLoadSeveralBatchesAheadExceptFromMemoryWhereOneIs(bool inMemory)
    {
        const int workers = 3;
        var batchSampler = new CountingBatchSampler(40, 2);
        var data = TestData.Indexed(40);
        using var loader = new EpochDataLoader(inMemory ? data : new RowsOnly(data), batchSampler: batchSampler, workers: workers, disposeDataset: true);
        using var batches = loader.GetEnumerator();
        Assert.True(batches.MoveNext());
        // The batch in use and those ahead of it: one ahead from memory (as prefetch), up to 2 × workers sample by sample.
        if (inMemory) Assert.InRange(batchSampler.Taken, 1, 2);
        else Assert.InRange(batchSampler.Taken, 3, 1 + 2 * workers);
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
