using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Composer.Data;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>
/// <c>workers: N</c> on both loaders, with real threads and real tensors: the same batches as without workers, bit for
/// bit; failures at their batch naming the sample; break, dispose and failures stop the workers and leave no tensor
/// behind. Every test runs on a thread of its own under a timeout, so a hang fails it instead of stalling the run.
/// </summary>
[Collection(LoaderWorkersCollection.Name)]
public sealed class LoaderWorkersTests
{
    private const int Timeout = 120_000;

    /// <summary>Runs <paramref name="body"/> off the test thread, so that xunit's timeout can end a test that hangs.</summary>
    private static Task Bounded(Action body) => Task.Run(body);

    /// <summary>
    /// Sample i: "data", 3×4×4 values drawn from the sample's generator (an augmentation that depends on seed, epoch and
    /// index only), and "index". Records every tensor it makes, the epoch of every call, and the calls in progress.
    /// </summary>
    private sealed class Noisy(long count, Func<long, bool>? fails = null) : torch.utils.data.Dataset, IRandomizedDataset<Dictionary<string, Tensor>>
    {
        public readonly ConcurrentBag<Tensor> Made = [];
        public readonly ConcurrentBag<(long Index, int Epoch)> Calls = [];
        public int Active;
        public volatile bool IsDisposed;
        public volatile bool CalledAfterDispose;

        public override long Count => count;
        public override Dictionary<string, Tensor> GetTensor(long index) => GetSample(index, new SampleRandom(0, 0, index));

        public Dictionary<string, Tensor> GetSample(long index, SampleRandom random)
        {
            Interlocked.Increment(ref Active);
            try
            {
                if (IsDisposed) CalledAfterDispose = true;
                Calls.Add((index, random.Epoch));
                if (fails?.Invoke(index) == true) throw new InvalidDataException($"sample {index} is corrupt");
                var values = new float[3 * 4 * 4];
                for (int i = 0; i < values.Length; i++) values[i] = random.NextSingle();
                var data = tensor(values, [3, 4, 4]);
                var label = tensor(index);
                Made.Add(data);
                Made.Add(label);
                return new() { ["data"] = data, ["index"] = label };
            }
            finally
            {
                Interlocked.Decrement(ref Active);
            }
        }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>The same samples as tensors, for the typed loader, whose collate function (<see cref="Collate"/>) records its batches too.</summary>
    private sealed class TypedNoisy(long count, Func<long, bool>? fails = null) : torch.utils.data.Dataset<Tensor>, IRandomizedDataset<Tensor>
    {
        private readonly Noisy _samples = new(count, fails);
        public readonly ConcurrentBag<Tensor> Batches = [];

        public ConcurrentBag<Tensor> Made => _samples.Made;
        public int Active => Volatile.Read(ref _samples.Active);
        public bool IsDisposed => _samples.IsDisposed;
        public bool CalledAfterDispose => _samples.CalledAfterDispose;

        public override long Count => count;
        public override Tensor GetTensor(long index) => GetSample(index, new SampleRandom(0, 0, index));

        public Tensor GetSample(long index, SampleRandom random)
        {
            var sample = _samples.GetSample(index, random);
            sample["index"].Dispose();
            return sample["data"];
        }

        /// <summary>Stacks the samples and disposes them, as <see cref="ImageFolder.Collate"/> does.</summary>
        public Tensor Collate(IReadOnlyList<Tensor> samples, Device device)
        {
            var batch = stack(samples.ToArray());
            foreach (var sample in samples) sample.Dispose();
            Batches.Add(batch);
            return batch;
        }

        protected override void Dispose(bool disposing)
        {
            _samples.Dispose();
            base.Dispose(disposing);
        }
    }

    private static EpochDataLoader<Tensor, Tensor> Typed(TypedNoisy dataset, int workers, int batchSize = 4, bool shuffle = true, bool disposeDataset = true) =>
        new(dataset, dataset.Collate, batchSize: batchSize, shuffle: shuffle, seed: 5, workers: workers, disposeDataset: disposeDataset);

    /// <summary>A batch as bytes, column by column: equal bytes are bit-identical tensors.</summary>
    private static byte[][] Bytes(Dictionary<string, Tensor> batch) => batch.OrderBy(c => c.Key).Select(c => Bytes(c.Value)).ToArray();

    private static byte[] Bytes(Tensor tensor)
    {
        using var contiguous = tensor.contiguous();
        return [.. BitConverter.GetBytes((int)contiguous.dtype), .. contiguous.shape.SelectMany(BitConverter.GetBytes), .. contiguous.bytes];
    }

    /// <summary>One epoch (or its rest, from <paramref name="firstBatch"/>) as bytes; the loader disposes its batches as it goes.</summary>
    private static List<byte[][]> Epoch(EpochDataLoader loader, long firstBatch = 0) => loader.IterateFrom(firstBatch).Select(Bytes).ToList();

    private static List<byte[]> Epoch(EpochDataLoader<Tensor, Tensor> loader, long firstBatch = 0) =>
        loader.IterateFrom(firstBatch).Select(batch => { using (batch) return Bytes(batch); }).ToList();

    private static EpochDataLoader Dictionaries(Noisy dataset, int workers, bool prefetch = false, int batchSize = 8) =>
        new(dataset, batchSize: batchSize, shuffle: true, seed: 5, workers: workers, prefetch: prefetch, disposeDataset: true);

    [Theory(Timeout = Timeout)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public Task BatchesAreBitIdenticalToThoseWithoutWorkersAlsoAfterAResume(int workers) => Bounded(() =>
    {
        using var scope = NewDisposeScope();
        using var alone = Dictionaries(new Noisy(203), workers: 0);
        using var parallel = Dictionaries(new Noisy(203), workers);
        using var both = Dictionaries(new Noisy(203), workers, prefetch: true); // prefetch adds nothing to workers
        foreach (var loader in new[] { alone, parallel, both }) loader.SetEpoch(3);
        var expected = Epoch(alone);
        Assert.Equal(26, expected.Count);
        Assert.Equal(expected, Epoch(parallel));
        Assert.Equal(expected, Epoch(both));
        Assert.Equal(expected.Skip(11), Epoch(parallel, firstBatch: 11)); // a mid-epoch resume

        using var typedAlone = Typed(new TypedNoisy(101), workers: 0);
        using var typedParallel = Typed(new TypedNoisy(101), workers);
        typedAlone.SetEpoch(2);
        typedParallel.SetEpoch(2);
        var typedExpected = Epoch(typedAlone);
        Assert.Equal(typedExpected, Epoch(typedParallel));
        Assert.Equal(typedExpected.Skip(7), Epoch(typedParallel, firstBatch: 7));
    });

    [Fact(Timeout = Timeout)]
    public Task TheInMemoryFastPathGivesTheSameBatchesWithWorkers() => Bounded(() =>
    {
        using var scope = NewDisposeScope();
        using var alone = new EpochDataLoader(TestData.Indexed(100), batchSize: 7, shuffle: true, seed: 9, disposeDataset: true);
        using var parallel = new EpochDataLoader(TestData.Indexed(100), batchSize: 7, shuffle: true, seed: 9, workers: 4, disposeDataset: true);
        alone.SetEpoch(1);
        parallel.SetEpoch(1);
        Assert.Equal(TestData.Epoch(alone), TestData.Epoch(parallel));
        Assert.Equal(TestData.Epoch(alone).Skip(5), TestData.Epoch(parallel.IterateFrom(5)));
        // A batch sampler of the caller's own: whole batches gathered by index, on the worker.
        var custom = new BatchSampler(new RandomSampler(100, seed: 2), 9);
        using var gathered = new EpochDataLoader(TestData.Indexed(100), batchSampler: custom, workers: 3, disposeDataset: true);
        gathered.SetEpoch(4);
        Assert.Equal(custom.ToList(), TestData.Epoch(gathered));
    });

    /// <summary>Image folders written for the test: random grey pictures, PNG, three classes.</summary>
    private static string WriteImageFolder(int images)
    {
        string root = Directory.CreateTempSubdirectory("loader-workers-").FullName;
        var random = new Random(1);
        for (int i = 0; i < images; i++)
        {
            string folder = Directory.CreateDirectory(Path.Combine(root, $"class{i % 3}")).FullName;
            var grey = new byte[12 * 10];
            random.NextBytes(grey);
            ImageFolderTests.Write(Path.Combine(folder, $"{i:D3}.png"), grey, 12, 10, SKEncodedImageFormat.Png);
        }
        return root;
    }

    [Fact(Timeout = Timeout)]
    public Task AnAugmentedImageIsTheSameWithZeroOneOrEightWorkersAndAfterAResume() => Bounded(() =>
    {
        string root = WriteImageFolder(40);
        try
        {
            using var scope = NewDisposeScope();
            var augment = new Compose(new RandomCrop(8, padding: 2), new RandomHorizontalFlip(), new Normalize([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]));
            List<byte[][]> Batches(int workers, long firstBatch = 0)
            {
                using var loader = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
                    new ImageFolder(root, augment), ImageFolder.Collate, batchSize: 6, shuffle: true, seed: 7, workers: workers, disposeDataset: true);
                loader.SetEpoch(3);
                return loader.IterateFrom(firstBatch).Select(batch =>
                {
                    var bytes = Bytes(batch);
                    foreach (var column in batch.Values) column.Dispose();
                    return bytes;
                }).ToList();
            }
            var expected = Batches(workers: 0);
            Assert.Equal(7, expected.Count);
            Assert.Equal(expected, Batches(workers: 1));
            Assert.Equal(expected, Batches(workers: 8));
            Assert.Equal(expected.Skip(3), Batches(workers: 8, firstBatch: 3));
            Assert.Equal(expected.Skip(3), Batches(workers: 0, firstBatch: 3));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    });

    [Fact(Timeout = Timeout)]
    public Task AFailingSampleSurfacesAtItsBatchNamingTheSampleWithTheDataSetsException() => Bounded(() =>
    {
        using var scope = NewDisposeScope();
        foreach (int workers in new[] { 1, 3, 8 })
        {
            // Samples 21 and 22 fail, in batch 5 of batches of 4 in order: batches 0-4 arrive first, then the lower sample's error.
            using var loader = new EpochDataLoader(new Noisy(40, fails: i => i is 21 or 22), batchSize: 4, workers: workers, disposeDataset: true);
            int batches = 0;
            var e = Assert.Throws<LoaderWorkerException>(() => { foreach (var _ in loader) batches++; });
            Assert.Equal(5, batches);
            Assert.Equal(21L, e.Index);
            Assert.Equal(5L, e.Batch);
            Assert.Contains("sample 21", e.Message);
            Assert.Contains("sample 21 is corrupt", e.Message); // the data set's own message, too
            var inner = Assert.IsType<InvalidDataException>(e.InnerException);
            Assert.Equal("sample 21 is corrupt", inner.Message);
            Assert.Contains(nameof(Noisy.GetSample), inner.StackTrace); // where it was thrown, on the worker
        }

        // Larger batches, loaded by several workers in pieces: still the first failing sample in the batch's order.
        using var large = new EpochDataLoader(new Noisy(256, fails: i => i is 100 or 70 or 127), batchSize: 64, workers: 2, disposeDataset: true);
        var largeError = Assert.Throws<LoaderWorkerException>(() => large.ToList());
        Assert.Equal((70L, 1L), (largeError.Index!.Value, largeError.Batch));

        // The typed loader, resumed past the first batches: the batch's position in the epoch, not in the enumeration.
        using var typed = new EpochDataLoader<Tensor, Tensor>(new TypedNoisy(40, fails: i => i == 30), (s, _) => stack(s.ToArray()), batchSize: 4, workers: 2, disposeDataset: true);
        var typedError = Assert.Throws<LoaderWorkerException>(() => typed.IterateFrom(2).ToList());
        Assert.Equal((30L, 7L), (typedError.Index!.Value, typedError.Batch));

        // A collate function that fails: the batch, without a sample.
        using var badCollate = new EpochDataLoader<Tensor, Tensor>(new TypedNoisy(12), (_, _) => throw new ArgumentException("no collating today"), batchSize: 4, workers: 2, disposeDataset: true);
        var collateError = Assert.Throws<LoaderWorkerException>(() => badCollate.ToList());
        Assert.Null(collateError.Index);
        Assert.Equal(0L, collateError.Batch);
        Assert.Contains("batch 0", collateError.Message);
        Assert.IsType<ArgumentException>(collateError.InnerException);
    });

    /// <summary>A sampler of the caller's own, whose last index is outside the data set.</summary>
    private sealed class ListSampler(params long[] indices) : ISampler
    {
        public long Count => indices.Length;
        public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)indices).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact(Timeout = Timeout)]
    public Task ErrorsOfTheSamplerSurfaceUnwrappedAtTheirBatchAsWithoutWorkers() => Bounded(() =>
    {
        using var scope = NewDisposeScope();
        using var loader = new EpochDataLoader(new Noisy(10), batchSize: 4, sampler: new ListSampler(0, 1, 2, 3, 4, 5, 6, 7, 8, 12), workers: 2, disposeDataset: true);
        int batches = 0;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => { foreach (var _ in loader) batches++; });
        Assert.Equal(2, batches);
        Assert.Equal("sampler", e.ParamName);
        Assert.Contains("index 12 in batch 2", e.Message);

        // A replayed epoch, with Throw, from the first MoveNext.
        using var shuffling = Dictionaries(new Noisy(24), workers: 2);
        shuffling.ReplayedEpochPolicy = ReplayedEpochPolicy.Throw;
        shuffling.SetEpoch(1);
        Assert.Equal(3, Epoch(shuffling).Count);
        using var replay = shuffling.GetEnumerator();
        Assert.Throws<InvalidOperationException>(() => replay.MoveNext());
    });

    [Fact(Timeout = Timeout)]
    public Task BreakingEarlyAHundredTimesStopsTheWorkersAndLeavesNoTensorBehind() => Bounded(() =>
    {
        var dataset = new TypedNoisy(500);
        var held = new List<Tensor>();
        for (int round = 0; round < 100; round++)
        {
            using var loader = Typed(dataset, workers: new[] { 1, 2, 8 }[round % 3], batchSize: 8, disposeDataset: false);
            loader.SetEpoch(round);
            int n = 0;
            foreach (var batch in loader)
            {
                if (++n < round % 4 + 1) { batch.Dispose(); continue; }
                held.Add(batch); // a break leaves the current batch to the caller
                break;
            }
            Assert.Equal(0, dataset.Active); // the break waited for the workers: none is loading
        }
        Assert.Equal(100, held.Count);
        Assert.All(held, batch => Assert.False(batch.IsInvalid));
        // Every sample was stacked and disposed, every batch loaded ahead was disposed: only the held ones live.
        Assert.All(dataset.Made, sample => Assert.True(sample.IsInvalid));
        var kept = held.ToHashSet(ReferenceEqualityComparer.Instance);
        Assert.All(dataset.Batches.Where(b => !kept.Contains(b)), batch => Assert.True(batch.IsInvalid));
        foreach (var batch in held) batch.Dispose();
        dataset.Dispose();
    });

    [Fact(Timeout = Timeout)]
    public Task BreakingEarlyLeavesTheLiveTensorCountWhereItWas() => Bounded(() =>
    {
        using var loader = Dictionaries(new Noisy(300), workers: 4);
        loader.SetEpoch(0);
        foreach (var column in loader.First().Values) column.Dispose(); // TorchSharp's own first-use allocations, not ours
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = Tensor.TotalCount;
        for (int round = 0; round < 100; round++)
        {
            loader.SetEpoch(round);
            Dictionary<string, Tensor>? current = null;
            foreach (var batch in loader)
            {
                current = batch;
                if (round % 3 == 0 || batch["index"].data<long>()[0] % 2 == 0) break;
            }
            foreach (var column in current!.Values) column.Dispose(); // the batch a break leaves to the caller
        }
        Assert.Equal(before, Tensor.TotalCount);
    });

    [Fact(Timeout = Timeout)]
    public Task DisposingTheLoaderMidEpochStopsItsWorkersBeforeTheDataSetGoes() => Bounded(() =>
    {
        var dataset = new TypedNoisy(400);
        var loader = Typed(dataset, workers: 4, disposeDataset: true);
        using var batches = loader.GetEnumerator();
        Assert.True(batches.MoveNext());
        var first = batches.Current;
        Assert.True(batches.MoveNext());
        var second = batches.Current;
        loader.Dispose();
        Assert.Equal(0, dataset.Active);
        Assert.True(dataset.IsDisposed);
        Assert.False(dataset.CalledAfterDispose);
        var e = Assert.Throws<ObjectDisposedException>(() => batches.MoveNext());
        Assert.Contains("EpochDataLoader<Tensor, Tensor> is disposed", e.Message);
        Assert.Throws<ObjectDisposedException>(() => loader.GetEnumerator().MoveNext());
        // The batches taken are the caller's; everything loaded ahead is gone.
        Assert.False(first.IsInvalid || second.IsInvalid);
        Assert.All(dataset.Batches.Where(b => !ReferenceEquals(b, first) && !ReferenceEquals(b, second)), b => Assert.True(b.IsInvalid));
        Assert.All(dataset.Made, sample => Assert.True(sample.IsInvalid));
        first.Dispose();
        second.Dispose();
    });

    /// <summary>Samples that wait for a gate: workers stay busy until the test opens it.</summary>
    private sealed class Gated(ManualResetEventSlim gate) : torch.utils.data.Dataset<long>
    {
        public int Active;
        public override long Count => 100;
        public override long GetTensor(long index)
        {
            Interlocked.Increment(ref Active);
            try
            {
                gate.Wait();
                return index;
            }
            finally
            {
                Interlocked.Decrement(ref Active);
            }
        }
    }

    [Fact(Timeout = Timeout)]
    public Task DisposingTheLoaderFromAnotherThreadReleasesAConsumerWaitingInMoveNext() => Bounded(() =>
    {
        using var gate = new ManualResetEventSlim();
        var dataset = new Gated(gate);
        var loader = new EpochDataLoader<long, long[]>(dataset, (s, _) => [.. s], batchSize: 10, workers: 3);
        var consumer = Task.Run(() =>
        {
            using var batches = loader.GetEnumerator();
            return Record.Exception(() => batches.MoveNext()); // waits: every worker is stuck at the gate
        });
        SpinWait.SpinUntil(() => Volatile.Read(ref dataset.Active) == 3);
        var disposing = Task.Run(loader.Dispose); // waits for the workers, which wait for the gate
        SpinWait.SpinUntil(() => loader.Lifetime.IsDisposed);
        gate.Set();
        disposing.Wait();
        Assert.Equal(0, dataset.Active);
        Assert.IsType<ObjectDisposedException>(consumer.Result);
    });

    [Fact(Timeout = Timeout)]
    public Task EveryWorkerUsesTheEpochSetBeforeTheEnumerationBegan() => Bounded(() =>
    {
        using var scope = NewDisposeScope();
        var dataset = new Noisy(64);
        using var loader = new EpochDataLoader(dataset, batchSize: 4, shuffle: true, seed: 11, workers: 8);
        for (int epoch = 3; epoch < 6; epoch++)
        {
            dataset.Calls.Clear();
            loader.SetEpoch(epoch);
            var draws = new Dictionary<long, float>();
            int n = 0;
            foreach (var batch in loader)
            {
                if (++n == 2) loader.SetEpoch(epoch + 100); // for a later epoch: this one keeps its own
                long[] indices = batch["index"].data<long>().ToArray();
                float[] data = batch["data"].data<float>().ToArray();
                for (int i = 0; i < indices.Length; i++) draws[indices[i]] = data[i * 48];
            }
            Assert.Equal(64, draws.Count);
            Assert.All(dataset.Calls, call => Assert.Equal(epoch, call.Epoch));
            Assert.All(draws, d => Assert.Equal(new SampleRandom(11, epoch, d.Key).NextSingle(), d.Value));
        }
        // A resume uses the epoch set before it too.
        dataset.Calls.Clear();
        loader.SetEpoch(9);
        Assert.Equal(10, loader.IterateFrom(6).Count());
        Assert.All(dataset.Calls, call => Assert.Equal(9, call.Epoch));
    });

    [Fact(Timeout = Timeout)]
    public Task BatchesMadeOnWorkersJoinTheDisposeScopeWhereTheyAreEnumerated() => Bounded(() =>
    {
        foreach (int workers in new[] { 0, 2 })
        {
            var dataset = new TypedNoisy(40);
            using var loader = Typed(dataset, workers);
            var inScope = new List<Tensor>();
            using (NewDisposeScope())
            {
                foreach (var batch in loader) inScope.Add(batch);
            }
            Assert.All(inScope, batch => Assert.True(batch.IsInvalid, $"workers: {workers}: a batch outlived the scope it was enumerated in"));

            loader.SetEpoch(1);
            var outside = loader.ToList();
            Assert.All(outside, batch => Assert.False(batch.IsInvalid)); // no scope: the caller's to dispose
            foreach (var batch in outside) batch.Dispose();
        }
    });

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(EpochDataLoader.MaxWorkers + 1)]
    [InlineData(int.MaxValue)]
    public void WorkersOutsideZeroToMaxWorkersAreRefusedNamingTheParameterAndTheValue(int workers)
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EpochDataLoader(TestData.Indexed(4), workers: workers, disposeDataset: true));
        Assert.Equal("workers", e.ParamName);
        Assert.Equal(workers, e.ActualValue);
        Assert.Contains($"workers must be in [0, {EpochDataLoader.MaxWorkers}]", e.Message);
        Assert.Contains($"but was {workers}", e.Message);

        var typed = Assert.Throws<ArgumentOutOfRangeException>(() => new EpochDataLoader<Tensor, Tensor>(new TypedNoisy(4), (s, _) => s[0], workers: workers));
        Assert.Equal("workers", typed.ParamName);
        Assert.Equal(workers, typed.ActualValue);
    }

    [Fact]
    public void TheLimitsAreAccepted()
    {
        using var scope = NewDisposeScope();
        using var none = new EpochDataLoader(TestData.Indexed(4), workers: 0, disposeDataset: true);
        using var most = new EpochDataLoader<Tensor, Tensor>(new TypedNoisy(4), (s, _) => s[0], workers: EpochDataLoader.MaxWorkers, disposeDataset: true);
        Assert.Equal((0, EpochDataLoader.MaxWorkers), (none.Workers, most.Workers));
    }

    /// <summary>Batches of two consecutive indices, counting those its enumerations have yielded and whether they were disposed.</summary>
    private sealed class CountingBatchSampler(long samples) : IBatchSampler
    {
        public int Yielded;
        public bool Disposed;
        public long Count => samples / 2;

        public IEnumerator<long[]> GetEnumerator()
        {
            try
            {
                for (long i = 0; i + 1 < samples; i += 2)
                {
                    Yielded++;
                    yield return [i, i + 1];
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact(Timeout = Timeout)]
    public Task WorkersLoadTwoBatchesAheadPerWorkerAndAWholeBatchOrPrefetchOneAhead() => Bounded(() =>
    {
        using var scope = NewDisposeScope();
        // The batches whose indices the loader has drawn when the consumer holds the first one: it, and those loading ahead.
        int Ahead(bool inMemory, int workers, bool prefetch)
        {
            var sampler = new CountingBatchSampler(40);
            using var loader = inMemory
                ? new EpochDataLoader(TestData.Indexed(40), batchSampler: sampler, workers: workers, prefetch: prefetch, disposeDataset: true)
                : new EpochDataLoader(new Noisy(40), batchSampler: sampler, workers: workers, prefetch: prefetch, disposeDataset: true);
            using var batches = loader.GetEnumerator();
            Assert.True(batches.MoveNext());
            return sampler.Yielded;
        }
        Assert.Equal(1, Ahead(inMemory: false, workers: 0, prefetch: false)); // on the enumerating thread: one at a time
        Assert.Equal(2, Ahead(inMemory: false, workers: 0, prefetch: true));
        Assert.Equal(1 + 2 * 3, Ahead(inMemory: false, workers: 3, prefetch: false));
        Assert.Equal(1 + 2 * 3, Ahead(inMemory: false, workers: 3, prefetch: true));
        Assert.Equal(1, Ahead(inMemory: true, workers: 0, prefetch: false));
        Assert.Equal(2, Ahead(inMemory: true, workers: 0, prefetch: true));
        Assert.Equal(2, Ahead(inMemory: true, workers: 3, prefetch: false)); // gathered whole: one batch ahead, on one thread
    });

    [Fact(Timeout = Timeout)]
    public Task StoppingEarlyDisposesTheBatchSamplersEnumeration() => Bounded(() =>
    {
        using var scope = NewDisposeScope();
        foreach (var (workers, prefetch) in new[] { (0, false), (0, true), (2, false) })
        {
            var sampler = new CountingBatchSampler(40);
            using var loader = new EpochDataLoader(new Noisy(40), batchSampler: sampler, workers: workers, prefetch: prefetch, disposeDataset: true);
            foreach (var column in loader.First().Values) column.Dispose();
            Assert.True(sampler.Disposed, $"workers: {workers}, prefetch: {prefetch}: the batch sampler's enumeration was left open");
        }
    });

    [Fact(Timeout = Timeout)]
    public Task PrefetchAloneLoadsOnABackgroundThreadAndWrapsItsErrors() => Bounded(() =>
    {
        using var scope = NewDisposeScope();
        using var alone = new EpochDataLoader(new Noisy(12, fails: i => i == 5), batchSize: 4, disposeDataset: true);
        Assert.Equal("sample 5 is corrupt", Assert.Throws<InvalidDataException>(() => alone.ToList()).Message);
        using var prefetching = new EpochDataLoader(new Noisy(12, fails: i => i == 5), batchSize: 4, prefetch: true, disposeDataset: true);
        var e = Assert.Throws<LoaderWorkerException>(() => prefetching.ToList());
        Assert.Equal((5L, 1L), (e.Index!.Value, e.Batch));
    });

    /// <summary>Records which thread loads which sample; the first <paramref name="together"/> calls wait for each other.</summary>
    private sealed class Meeting(int together) : torch.utils.data.Dataset<long>
    {
        private readonly ManualResetEventSlim _met = new();
        private int _entered;
        public readonly ConcurrentBag<(long Index, int Thread, string? Name, bool IsBackground)> Loads = [];
        public bool Met => _met.IsSet;

        public override long Count => 256;

        public override long GetTensor(long index)
        {
            var thread = Thread.CurrentThread;
            Loads.Add((index, thread.ManagedThreadId, thread.Name, thread.IsBackground));
            if (Interlocked.Increment(ref _entered) == together) _met.Set();
            _met.Wait(TimeSpan.FromSeconds(20));
            return index;
        }
    }

    [Fact(Timeout = Timeout)]
    public Task WorkersAreBackgroundThreadsNamedAfterTheLoader() => Bounded(() =>
    {
        var dataset = new Meeting(together: 3); // every worker loads a sample of the first batch before any finishes
        using var loader = new EpochDataLoader<long, long[]>(dataset, (s, _) => [.. s], batchSize: 10, workers: 3);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), loader.First());
        Assert.True(dataset.Met);
        var threads = dataset.Loads.DistinctBy(l => l.Thread).ToList();
        Assert.Equal(3, threads.Count);
        Assert.All(threads, t => Assert.True(t.IsBackground, $"{t.Name} would keep the process alive"));
        Assert.Equal(Enumerable.Range(1, 3).Select(k => $"{loader.Lifetime.LoaderName} worker {k}/3"), threads.Select(t => t.Name).Order(StringComparer.Ordinal));
    });

    [Fact(Timeout = Timeout)]
    public Task TheWorkersShareTheSamplesOfABatch() => Bounded(() =>
    {
        var dataset = new Meeting(together: 2); // the first worker waits in sample 0 until the second loads a sample too
        using var loader = new EpochDataLoader<long, long[]>(dataset, (s, _) => [.. s], batchSize: 64, workers: 2);
        Assert.Equal(Enumerable.Range(0, 64).Select(i => (long)i), loader.First());
        Assert.True(dataset.Met);
        var firstBatch = dataset.Loads.Where(l => l.Index < 64).ToList();
        Assert.Equal(64, firstBatch.Count);
        Assert.Equal(2, firstBatch.Select(l => l.Thread).Distinct().Count()); // not one worker per batch
    });

    [Fact(Timeout = 30_000)]
    public Task ABatchSizeThatTheClaimsDoNotDivideLoadsAsWithoutWorkers() => Bounded(() =>
    {
        using var scope = NewDisposeScope();
        using var alone = Dictionaries(new Noisy(30), workers: 0, batchSize: 9);
        using var parallel = Dictionaries(new Noisy(30), workers: 1, batchSize: 9); // claims of 2 parts: the last one is 1
        Assert.Equal(Epoch(alone), Epoch(parallel));
    });

    [Fact(Timeout = Timeout)]
    public Task AFailureNamesTheFirstFailingSampleOfItsBatchAndLeavesNoTensorBehind() => Bounded(() =>
    {
        foreach (var (failing, batchSize, workers, batch) in new[] { (new long[] { 20 }, 4, 2, 5L), (new long[] { 70, 71 }, 64, 2, 1L) })
        {
            var dataset = new Noisy(256, fails: i => failing.Contains(i));
            using (NewDisposeScope())
            {
                // In order: the batch's first failing sample, also when it is the batch's first sample or the next one fails in the same claim.
                using var loader = new EpochDataLoader(dataset, batchSize: batchSize, workers: workers, disposeDataset: true);
                var e = Assert.Throws<LoaderWorkerException>(() => loader.ToList());
                Assert.Equal((failing[0], batch), (e.Index!.Value, e.Batch));
                Assert.StartsWith($"Loading sample {failing[0]} (in batch {batch}) failed on a loader worker: InvalidDataException: sample {failing[0]} is corrupt", e.Message);
            }
            // The samples of the failed batch that did load are disposed with it, as the batches loaded ahead are.
            Assert.All(dataset.Made, tensor => Assert.True(tensor.IsInvalid));
        }
    });
    /// <summary>Yields fresh index arrays and keeps only weak references to them.</summary>
    private sealed class WeakBatchSampler(long samples) : IBatchSampler
    {
        public readonly List<WeakReference<long[]>> Yielded = [];
        public long Count => samples / 2;

        public IEnumerator<long[]> GetEnumerator()
        {
            for (long i = 0; i + 1 < samples; i += 2)
            {
                long[] batch = [i, i + 1];
                Yielded.Add(new WeakReference<long[]>(batch));
                yield return batch;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TakeOneBatch(EpochDataLoader<long, long[]> loader) => Assert.Equal([0L, 1], loader.First());

    [Fact(Timeout = Timeout)]
    public Task AnEnumerationThatEndedLeavesNothingOfItsOwnReachableFromTheLoader() => Bounded(() =>
    {
        var sampler = new WeakBatchSampler(40);
        using var loader = new EpochDataLoader<long, long[]>(new Gated(new ManualResetEventSlim(true)), (s, _) => [.. s], batchSampler: sampler, workers: 2);
        for (int epoch = 0; epoch < 3; epoch++) TakeOneBatch(loader); // a break leaves batches loaded ahead, then the workers stop
        Assert.Equal(3 * (1 + 2 * 2), sampler.Yielded.Count);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        // The loader lives on for the next epochs, but not what its finished enumerations held: their indices are garbage.
        Assert.All(sampler.Yielded, batch => Assert.False(batch.TryGetTarget(out _)));
    });
}
