using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>
/// A drop-in replacement for TorchSharp's <c>DataLoader</c> (the same batch type) that also takes
/// PyTorch-style samplers and batch samplers and knows about epochs: <see cref="SetEpoch"/> reaches the
/// batch sampler, the sampler inside it, the loader's sampler and the data set.
/// </summary>
/// <remarks>
/// <para>Batches from an <see cref="InMemoryDataset"/> are gathered with one <c>index_select</c> per column;
/// other data sets are read sample by sample and stacked.</para>
/// <para>As with TorchSharp's loader, a yielded batch belongs to the loader and is disposed when the next batch
/// is fetched and, when the epoch runs to its end, the last one too (pass <c>disposeBatches: false</c> to keep
/// every batch). An enumeration stopped early (<c>First()</c>, <c>break</c>) leaves its current batch to the caller.</para>
/// <para>With <c>workers: N</c>, N threads load the samples of the next batches in parallel while the caller works on the
/// current one (see the constructor's <c>workers</c>); the batches are exactly those of <c>workers: 0</c>.</para>
/// <para>As in PyTorch, when a <c>batchSampler</c> is given, <see cref="Sampler"/> is a
/// <see cref="SequentialSampler"/>: setting the epoch on it alone changes nothing.</para>
/// <para>Enumerated from its first batch again with nothing setting its epoch in between, a shuffling loader
/// replays the previous epoch's order: it warns once, or throws, or stays silent (<see cref="ReplayedEpochPolicy"/>).
/// Indices outside the data set are refused with the argument they came from: at construction when a runtime
/// sampler is made for a larger data set, otherwise at the batch that holds them, before any data is read.</para>
/// </remarks>
public sealed class EpochDataLoader : IDataLoader<Dictionary<string, Tensor>>, IDisposable, IReplayGuarded
{
    /// <summary>The most <c>workers</c> a loader takes: each is a thread, and a few per core already keep any data set busy.</summary>
    public const int MaxWorkers = 256;

    private static ReplayedEpochPolicy s_defaultReplayedEpochPolicy;
    private readonly bool _prefetch, _disposeBatches, _disposeDataset;
    private readonly ReplayGuard _guard;
    private readonly IndexCheck _indices;
    private readonly LoaderLifetime _lifetime = new(nameof(EpochDataLoader));

    /// <summary>Creates a loader.</summary>
    /// <param name="dataset">The data set to load from.</param>
    /// <param name="batchSize">Samples per batch; leave at 1 when <paramref name="batchSampler"/> is given.</param>
    /// <param name="shuffle">Reshuffle every epoch (a <see cref="RandomSampler"/>, or a <see cref="DistributedSampler"/> when the process group has more than one rank).</param>
    /// <param name="sampler">Where indices come from; excludes <paramref name="shuffle"/>. Its indices must lie inside the data set.</param>
    /// <param name="batchSampler">Where whole batches of indices come from; excludes the other sampling arguments. Its batches must not be empty and their indices must lie inside the data set.</param>
    /// <param name="dropLast">Drop a last batch smaller than <paramref name="batchSize"/>.</param>
    /// <param name="device">Where batches go; the CPU when null.</param>
    /// <param name="seed">The seed of the shuffling sampler made for <paramref name="shuffle"/>, and of the per-sample generators of an <see cref="IRandomizedDataset{T}"/>.</param>
    /// <param name="prefetch">Load the next batch on one background thread while the current one is used. Implied by
    /// <paramref name="workers"/> above 0, which loads further ahead; together they are the same as <paramref name="workers"/> alone.</param>
    /// <param name="disposeBatches">Dispose each batch when the next one is fetched.</param>
    /// <param name="disposeDataset">Dispose <paramref name="dataset"/> with the loader.</param>
    /// <param name="workers">
    /// Threads that load the samples of the next batches in parallel, up to 2 × <paramref name="workers"/> batches ahead of the one
    /// in use (PyTorch's default <c>prefetch_factor</c>); 0, the default, loads on the enumerating thread. The batches are exactly
    /// those of <c>workers: 0</c>, and a sample of an <see cref="IRandomizedDataset{T}"/> is the same with any number of workers.
    /// Workers call the data set's <c>GetTensor</c> (or <c>GetSample</c>) from several threads at once; an exception there
    /// surfaces from <c>MoveNext</c> at its batch as a <see cref="LoaderWorkerException"/> naming the sample. They start at an
    /// enumeration's first <c>MoveNext</c> and stop, their batches loaded ahead disposed, when it ends, breaks or fails, or the
    /// loader is disposed. From an <see cref="InMemoryDataset"/>, whose batches are one <c>index_select</c> per column (libtorch
    /// spreads it over the cores), any value above 0 loads one batch ahead on one thread, as <paramref name="prefetch"/> does.
    /// At most <see cref="MaxWorkers"/>.
    /// </param>
    /// <exception cref="ArgumentException">Conflicting or invalid arguments; an <see cref="ArgumentOutOfRangeException"/>
    /// when a runtime sampler or batch sampler is for a larger data set, or <paramref name="shuffle"/> would permute more samples than memory holds,
    /// or <paramref name="workers"/> is negative or above <see cref="MaxWorkers"/>.</exception>
    public EpochDataLoader(
        torch.utils.data.Dataset dataset, int batchSize = 1, bool shuffle = false, ISampler? sampler = null,
        IBatchSampler? batchSampler = null, bool dropLast = false, Device? device = null, int seed = 0,
        bool prefetch = false, bool disposeBatches = true, bool disposeDataset = false, int workers = 0)
    {
        Dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        Workers = LoaderWorkers.Validate(workers);
        (Sampler, BatchSampler, _indices) = LoaderSamplers.Create(() => dataset.Count, batchSize, shuffle, sampler, batchSampler, dropLast, seed);
        BatchSize = batchSampler is null ? batchSize : null;
        DropLast = dropLast;
        Device = device ?? CPU;
        Seed = seed;
        _prefetch = prefetch;
        _disposeBatches = disposeBatches;
        _disposeDataset = disposeDataset;
        _guard = new ReplayGuard(nameof(EpochDataLoader), BatchSampler);
    }

    /// <summary>
    /// What every <see cref="EpochDataLoader"/> and <see cref="EpochDataLoader{T, TBatch}"/> without a
    /// <see cref="ReplayedEpochPolicy"/> of its own does when it replays an epoch; <see cref="Data.ReplayedEpochPolicy.Warn"/> unless set.
    /// </summary>
    /// <remarks>Set it once at start-up (say, to <see cref="Data.ReplayedEpochPolicy.Throw"/> in tests and CI); it is read at each enumeration.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="Data.ReplayedEpochPolicy"/>.</exception>
    public static ReplayedEpochPolicy DefaultReplayedEpochPolicy
    {
        get => s_defaultReplayedEpochPolicy;
        set => s_defaultReplayedEpochPolicy = ReplayGuard.Validate(value);
    }

    /// <summary>The data set batches are loaded from.</summary>
    public torch.utils.data.Dataset Dataset { get; }
    /// <summary>The loader's sampler (a <see cref="SequentialSampler"/> when a batch sampler was given).</summary>
    public ISampler Sampler { get; }
    /// <summary>Where batches of indices come from: the given batch sampler, or a <see cref="Data.BatchSampler"/> over <see cref="Sampler"/>.</summary>
    public IBatchSampler BatchSampler { get; }
    /// <summary>Samples per batch, or null when a batch sampler decides.</summary>
    public int? BatchSize { get; }
    /// <summary>Whether a short last batch is dropped.</summary>
    public bool DropLast { get; }
    /// <summary>Where batches go.</summary>
    public Device Device { get; }

    /// <summary>
    /// The seed of the shuffling sampler made for <c>shuffle: true</c> and of the per-sample generators: a data set that
    /// implements <see cref="IRandomizedDataset{T}"/> gets <c>new SampleRandom(Seed, epoch, index)</c> for each sample,
    /// with the epoch last set through <see cref="SetEpoch"/> or <see cref="Epochs.SetEpoch"/> (0 before any) when the enumeration began.
    /// </summary>
    public int Seed { get; }

    /// <summary>Batches per epoch: exactly the number an enumeration yields.</summary>
    public long Count => BatchSampler.Count;

    /// <summary>Threads that load the samples of the next batches in parallel; 0 when batches load on the enumerating thread.</summary>
    public int Workers { get; }

    /// <summary>Sets the epoch on every epoch-aware part of this loader; see <see cref="Epochs.SetEpoch"/>.</summary>
    public void SetEpoch(int epoch) => Epochs.SetEpoch(this, epoch);

    long? IDataLoader<Dictionary<string, Tensor>>.Count => Count;

    long? IDataLoader<Dictionary<string, Tensor>>.DatasetLength => Dataset.Count;

    /// <summary>
    /// What this loader does when it is enumerated from its first batch again while its order depends on the
    /// epoch (a shuffling sampler or batch sampler) and no <c>SetEpoch</c> reached it or its sampler or batch
    /// sampler since its previous enumeration began: that epoch replays the previous one's order.
    /// <see cref="DefaultReplayedEpochPolicy"/> until set.
    /// </summary>
    /// <remarks>
    /// Any <c>SetEpoch</c> call counts, with any epoch: <see cref="SetEpoch"/>, <see cref="Epochs.SetEpoch"/>, or one on a
    /// sampler or batch sampler that implements <see cref="IEpochVersioned"/> (all of the runtime's do), made
    /// directly. <see cref="IterateFrom"/> from a later batch (a mid-epoch resume) never replays. A loader that
    /// does not shuffle never replays.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="Data.ReplayedEpochPolicy"/>.</exception>
    public ReplayedEpochPolicy ReplayedEpochPolicy
    {
        get => _guard.Policy;
        set => _guard.Policy = value;
    }

    ReplayGuard IReplayGuarded.ReplayGuard => _guard;

    /// <summary>Whether the loader is disposed, and the workers of its running enumerations.</summary>
    internal LoaderLifetime Lifetime => _lifetime;

    /// <summary>
    /// The current epoch's batches from batch <paramref name="firstBatch"/> on. The batches before it are
    /// skipped without loading their data: resuming mid-epoch costs only their indices. Past the last batch, none.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">From <c>MoveNext</c>: a batch holds an index outside the data set (the message names the argument it came from, the index and the batch).</exception>
    /// <exception cref="InvalidOperationException">From the first <c>MoveNext</c>, with <see cref="ReplayedEpochPolicy"/> <c>Throw</c>: the enumeration starts at batch 0 and replays the previous one.</exception>
    /// <exception cref="LoaderWorkerException">From <c>MoveNext</c>, with workers or prefetch: loading a sample of the batch, or making the batch, failed on a worker.</exception>
    /// <exception cref="ObjectDisposedException">From <c>MoveNext</c>: the loader is disposed.</exception>
    public IEnumerable<Dictionary<string, Tensor>> IterateFrom(long firstBatch)
    {
        Check.NotNegative(firstBatch);
        var dispose = _disposeBatches ? DisposeBatch : (Action<Dictionary<string, Tensor>>?)null;
        // In memory, with our batch sampler over a whole-epoch sampler: one index tensor per epoch, sliced per batch.
        if (Dataset is InMemoryDataset memory and not IRandomizedDataset<Dictionary<string, Tensor>> && BatchSampler is BatchSampler { Sampler: IIndexArray } batches)
        {
            var gather = BatchRecipe.Whole((EpochSlice slice) =>
            {
                using var index = slice.Epoch.narrow(0, slice.Start, slice.Length); // made and disposed on the loading thread
                return ToDevice(memory.Gather(index));
            });
            return BatchStream.Load(EpochSlices(batches, firstBatch), firstBatch, gather, LoaderWorkers.Plan(Workers, _prefetch, perSample: false), _lifetime, dispose);
        }
        return Iterate(firstBatch, dispose);
    }

    private IEnumerable<Dictionary<string, Tensor>> Iterate(long firstBatch, Action<Dictionary<string, Tensor>>? dispose)
    {
        // Read once, when the enumeration begins: every sample of this epoch, on any thread, uses the same epoch.
        int epoch = _guard.Epoch;
        var indices = BatchStream.From(BatchSampler, firstBatch, _guard, _indices);
        var batches = Dataset is InMemoryDataset memory and not IRandomizedDataset<Dictionary<string, Tensor>>
            ? BatchStream.Load(indices, firstBatch, BatchRecipe.Whole((long[] batch) => ToDevice(memory.GetBatch(batch))),
                LoaderWorkers.Plan(Workers, _prefetch, perSample: false), _lifetime, dispose)
            : BatchStream.Load(indices, firstBatch, BatchRecipe.PerSample((long index) => GetSample(index, epoch), samples => ToDevice(Stack(samples))),
                LoaderWorkers.Plan(Workers, _prefetch, perSample: true), _lifetime, dispose);
        foreach (var batch in batches) yield return batch;
    }

    /// <summary>Batch-sized pieces of one epoch's index tensor, as <see cref="Data.BatchSampler"/> would cut them.</summary>
    private readonly record struct EpochSlice(Tensor Epoch, long Start, long Length);

    /// <summary>One epoch's index tensor, batch by batch; it lives until the enumeration ends.</summary>
    private IEnumerable<EpochSlice> EpochSlices(BatchSampler batches, long firstBatch)
    {
        _guard.Starting(firstBatch);
        long[] indices = ((IIndexArray)batches.Sampler).EpochIndices();
        long end = batches.DropLast ? indices.LongLength - indices.LongLength % batches.BatchSize : indices.LongLength;
        long batchCount = (end + batches.BatchSize - 1) / batches.BatchSize;
        if (firstBatch >= batchCount) yield break; // also keeps firstBatch × BatchSize from overflowing
        long first = firstBatch * batches.BatchSize;
        _indices.Epoch(indices, first, batches.BatchSize);
        using var epoch = tensor(indices, ScalarType.Int64);
        for (long start = first; start < end; start += batches.BatchSize)
            yield return new EpochSlice(epoch, start, Math.Min(batches.BatchSize, end - start));
    }

    /// <inheritdoc />
    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => IterateFrom(0).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, Tensor> ToDevice(Dictionary<string, Tensor> batch)
    {
        if (Device.type == DeviceType.CPU) return batch;
        var moved = batch.ToDictionary(c => c.Key, c => c.Value.to(Device));
        DisposeBatch(batch);
        return moved;
    }

    /// <summary>The samples stacked column by column; disposes the samples.</summary>
    private static Dictionary<string, Tensor> Stack(IReadOnlyList<Dictionary<string, Tensor>> samples)
    {
        try
        {
            return samples[0].Keys.ToDictionary(key => key, key => stack(samples.Select(s => s[key]).ToArray()));
        }
        finally
        {
            foreach (var sample in samples) DisposeBatch(sample);
        }
    }

    /// <summary>Sample <paramref name="index"/> of <paramref name="epoch"/>; safe to call from any thread.</summary>
    private Dictionary<string, Tensor> GetSample(long index, int epoch) =>
        Dataset is IRandomizedDataset<Dictionary<string, Tensor>> randomized ? randomized.GetSample(index, new SampleRandom(Seed, epoch, index)) : Dataset.GetTensor(index);

    private static void DisposeBatch(Dictionary<string, Tensor> batch)
    {
        foreach (var tensor in batch.Values) tensor.Dispose();
    }

    /// <summary>
    /// Stops the workers of any enumeration still running (waiting for the sample each is loading, then disposing the
    /// batches loaded ahead) and disposes the data set when the loader was made with <c>disposeDataset: true</c>.
    /// A disposed loader loads no more batches: <c>MoveNext</c> throws <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        _lifetime.Dispose();
        if (_disposeDataset) Dataset.Dispose();
    }
}
