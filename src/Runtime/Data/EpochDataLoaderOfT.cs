using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>
/// An epoch-aware loader over a typed data set (<c>torch.utils.data.Dataset&lt;T&gt;</c>): each batch of
/// samples goes through a collate function, as with TorchSharp's generic <c>DataLoader&lt;T, S&gt;</c>.
/// Samplers, batch samplers and epochs work as in <see cref="EpochDataLoader"/>.
/// </summary>
/// <typeparam name="T">The sample type.</typeparam>
/// <typeparam name="TBatch">The batch type the collate function makes.</typeparam>
/// <remarks>
/// <para>Batches belong to the caller: the loader never disposes them.</para>
/// <para>With <c>workers: N</c>, N threads load the samples of the next batches in parallel while the caller works on the
/// current one, and the worker that loads a batch's last sample calls the collate function (which must then be thread-safe:
/// two batches may be collated at once). The batches are exactly those of <c>workers: 0</c>. What a sample's load or a collate
/// leaves in its dispose scope belongs to the batch: handed to the dispose scope current where the batch is enumerated, as
/// without workers, or disposed when the batch is never reached (<c>break</c>, an exception, <see cref="Dispose"/>).</para>
/// </remarks>
public sealed class EpochDataLoader<T, TBatch> : IDataLoader<TBatch>, IDisposable, IReplayGuarded
    where TBatch : class
{
    private readonly Func<IReadOnlyList<T>, Device, TBatch> _collate;
    private readonly bool _prefetch, _disposeDataset;
    private readonly ReplayGuard _guard;
    private readonly IndexCheck _indices;
    private readonly LoaderLifetime _lifetime;

    /// <summary>Creates a loader; the arguments are those of <see cref="EpochDataLoader"/> plus <paramref name="collate"/>.</summary>
    /// <param name="dataset">The data set to load from.</param>
    /// <param name="collate">Makes a batch from samples, on a device.</param>
    /// <param name="batchSize">Samples per batch; leave at 1 when <paramref name="batchSampler"/> is given.</param>
    /// <param name="shuffle">Reshuffle every epoch.</param>
    /// <param name="sampler">Where indices come from; excludes <paramref name="shuffle"/>.</param>
    /// <param name="batchSampler">Where whole batches of indices come from; excludes the other sampling arguments.</param>
    /// <param name="dropLast">Drop a last batch smaller than <paramref name="batchSize"/>.</param>
    /// <param name="device">Passed to <paramref name="collate"/>; the CPU when null.</param>
    /// <param name="seed">The seed of the shuffling sampler made for <paramref name="shuffle"/>, and of the per-sample generators of an <see cref="IRandomizedDataset{T}"/>.</param>
    /// <param name="prefetch">Load the next batch on one background thread while the current one is used. Implied by
    /// <paramref name="workers"/> above 0, which loads further ahead; together they are the same as <paramref name="workers"/> alone.</param>
    /// <param name="disposeDataset">Dispose <paramref name="dataset"/> with the loader.</param>
    /// <param name="workers">
    /// Threads that load the samples of the next batches in parallel, up to 2 × <paramref name="workers"/> batches ahead of the one
    /// in use; 0, the default, loads on the enumerating thread. The batches are exactly those of <c>workers: 0</c>, and a sample of
    /// an <see cref="IRandomizedDataset{T}"/> is the same with any number of workers. Workers call the data set's <c>GetTensor</c>
    /// (or <c>GetSample</c>) and <paramref name="collate"/> from several threads at once; an exception there surfaces from
    /// <c>MoveNext</c> at its batch as a <see cref="LoaderWorkerException"/> naming the sample. At most <see cref="EpochDataLoader.MaxWorkers"/>.
    /// </param>
    /// <exception cref="ArgumentException">Conflicting or invalid arguments, as for <see cref="EpochDataLoader"/>; an
    /// <see cref="ArgumentOutOfRangeException"/> when <paramref name="workers"/> is negative or above <see cref="EpochDataLoader.MaxWorkers"/>.</exception>
    public EpochDataLoader(
        torch.utils.data.Dataset<T> dataset, Func<IReadOnlyList<T>, Device, TBatch> collate, int batchSize = 1,
        bool shuffle = false, ISampler? sampler = null, IBatchSampler? batchSampler = null, bool dropLast = false,
        Device? device = null, int seed = 0, bool prefetch = false, bool disposeDataset = false, int workers = 0)
    {
        Dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _collate = collate ?? throw new ArgumentNullException(nameof(collate));
        Workers = LoaderWorkers.Validate(workers);
        (Sampler, BatchSampler, _indices) = LoaderSamplers.Create(() => dataset.Count, batchSize, shuffle, sampler, batchSampler, dropLast, seed);
        BatchSize = batchSampler is null ? batchSize : null;
        DropLast = dropLast;
        Device = device ?? CPU;
        Seed = seed;
        _prefetch = prefetch;
        _disposeDataset = disposeDataset;
        string name = $"EpochDataLoader<{typeof(T).Name}, {typeof(TBatch).Name}>";
        _guard = new ReplayGuard(name, BatchSampler);
        _lifetime = new LoaderLifetime(name);
    }

    /// <summary>The data set samples come from.</summary>
    public torch.utils.data.Dataset<T> Dataset { get; }
    /// <summary>The loader's sampler (a <see cref="SequentialSampler"/> when a batch sampler was given).</summary>
    public ISampler Sampler { get; }
    /// <summary>Where batches of indices come from.</summary>
    public IBatchSampler BatchSampler { get; }
    /// <summary>Samples per batch, or null when a batch sampler decides.</summary>
    public int? BatchSize { get; }
    /// <summary>Whether a short last batch is dropped.</summary>
    public bool DropLast { get; }
    /// <summary>The device passed to the collate function, which puts the batch there: a trainer on this device takes the batches as they are.</summary>
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

    long? IDataLoader<TBatch>.Count => Count;

    long? IDataLoader<TBatch>.DatasetLength => Dataset.Count;

    /// <summary>
    /// What this loader does when it replays an epoch (enumerated from its first batch again, its order
    /// depending on the epoch, nothing set in between); as <see cref="EpochDataLoader.ReplayedEpochPolicy"/>,
    /// <see cref="EpochDataLoader.DefaultReplayedEpochPolicy"/> until set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="Data.ReplayedEpochPolicy"/>.</exception>
    public ReplayedEpochPolicy ReplayedEpochPolicy
    {
        get => _guard.Policy;
        set => _guard.Policy = value;
    }

    ReplayGuard IReplayGuarded.ReplayGuard => _guard;

    /// <summary>Whether the loader is disposed, and the workers of its running enumerations.</summary>
    internal LoaderLifetime Lifetime => _lifetime;

    /// <summary>The current epoch's batches from batch <paramref name="firstBatch"/> on, skipping the others without loading them; past the last batch, none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">From <c>MoveNext</c>: a batch holds an index outside the data set.</exception>
    /// <exception cref="InvalidOperationException">From the first <c>MoveNext</c>, with <see cref="ReplayedEpochPolicy"/> <c>Throw</c>: the enumeration replays the previous one.</exception>
    /// <exception cref="LoaderWorkerException">From <c>MoveNext</c>, with workers or prefetch: loading a sample of the batch, or collating it, failed on a worker.</exception>
    /// <exception cref="ObjectDisposedException">From <c>MoveNext</c>: the loader is disposed.</exception>
    public IEnumerable<TBatch> IterateFrom(long firstBatch)
    {
        Check.NotNegative(firstBatch);
        return Iterate(firstBatch);
    }

    private IEnumerable<TBatch> Iterate(long firstBatch)
    {
        // Read once, when the enumeration begins: every sample of this epoch, on any thread, uses the same epoch.
        int epoch = _guard.Epoch;
        var batches = BatchStream.Load(BatchStream.From(BatchSampler, firstBatch, _guard, _indices), firstBatch,
            BatchRecipe.PerSample((long index) => GetSample(index, epoch), samples => _collate(samples, Device)),
            LoaderWorkers.Plan(Workers, _prefetch, perSample: true), _lifetime, dispose: null);
        foreach (var batch in batches) yield return batch;
    }

    /// <summary>Sample <paramref name="index"/> of <paramref name="epoch"/>; safe to call from any thread.</summary>
    private T GetSample(long index, int epoch) =>
        Dataset is IRandomizedDataset<T> randomized ? randomized.GetSample(index, new SampleRandom(Seed, epoch, index)) : Dataset.GetTensor(index);

    /// <inheritdoc />
    public IEnumerator<TBatch> GetEnumerator() => IterateFrom(0).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

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
