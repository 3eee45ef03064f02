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
/// <remarks>Batches belong to the caller: the loader never disposes them.</remarks>
public sealed class EpochDataLoader<T, TBatch> : IDataLoader<TBatch>, IDisposable, IReplayGuarded
    where TBatch : class
{
    private readonly Func<IReadOnlyList<T>, Device, TBatch> _collate;
    private readonly bool _prefetch, _disposeDataset;
    private readonly ReplayGuard _guard;
    private readonly IndexCheck _indices;

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
    /// <param name="prefetch">Load the next batch on a background thread while the current one is used.</param>
    /// <param name="disposeDataset">Dispose <paramref name="dataset"/> with the loader.</param>
    public EpochDataLoader(
        torch.utils.data.Dataset<T> dataset, Func<IReadOnlyList<T>, Device, TBatch> collate, int batchSize = 1,
        bool shuffle = false, ISampler? sampler = null, IBatchSampler? batchSampler = null, bool dropLast = false,
        Device? device = null, int seed = 0, bool prefetch = false, bool disposeDataset = false)
    {
        Dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _collate = collate ?? throw new ArgumentNullException(nameof(collate));
        (Sampler, BatchSampler, _indices) = LoaderSamplers.Create(() => dataset.Count, batchSize, shuffle, sampler, batchSampler, dropLast, seed);
        BatchSize = batchSampler is null ? batchSize : null;
        DropLast = dropLast;
        Device = device ?? CPU;
        Seed = seed;
        _prefetch = prefetch;
        _disposeDataset = disposeDataset;
        _guard = new ReplayGuard($"EpochDataLoader<{typeof(T).Name}, {typeof(TBatch).Name}>", BatchSampler);
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

    /// <summary>The current epoch's batches from batch <paramref name="firstBatch"/> on, skipping the others without loading them; past the last batch, none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">From <c>MoveNext</c>: a batch holds an index outside the data set.</exception>
    /// <exception cref="InvalidOperationException">From the first <c>MoveNext</c>, with <see cref="ReplayedEpochPolicy"/> <c>Throw</c>: the enumeration replays the previous one.</exception>
    public IEnumerable<TBatch> IterateFrom(long firstBatch)
    {
        Check.NotNegative(firstBatch);
        return Iterate(firstBatch);
    }

    private IEnumerable<TBatch> Iterate(long firstBatch)
    {
        // Read once, when the enumeration begins: every sample of this epoch, on any thread, uses the same epoch.
        int epoch = _guard.Epoch;
        var batches = BatchStream.Load(BatchStream.From(BatchSampler, firstBatch, _guard, _indices),
            (long[] indices) => _collate(indices.Select(i => GetSample(i, epoch)).ToList(), Device), _prefetch, dispose: null);
        foreach (var batch in batches) yield return batch;
    }

    /// <summary>Sample <paramref name="index"/> of <paramref name="epoch"/>; safe to call from any thread.</summary>
    private T GetSample(long index, int epoch) =>
        Dataset is IRandomizedDataset<T> randomized ? randomized.GetSample(index, new SampleRandom(Seed, epoch, index)) : Dataset.GetTensor(index);

    /// <inheritdoc />
    public IEnumerator<TBatch> GetEnumerator() => IterateFrom(0).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Disposes the data set when the loader was made with <c>disposeDataset: true</c>.</summary>
    public void Dispose()
    {
        if (_disposeDataset) Dataset.Dispose();
    }
}
