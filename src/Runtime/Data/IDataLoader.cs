using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>
/// A data loader as a trainer reads it: how many batches this epoch holds, <see cref="IEpochAware.SetEpoch"/>, and this epoch's
/// batches from any batch on, without loading the ones before it. <see cref="EpochDataLoader"/> and
/// <see cref="EpochDataLoader{T, TBatch}"/> implement it; the trainer adapts any other loader (TorchSharp's <c>DataLoader</c>, a
/// loader ported from PyTorch) to it once, when it is built.
/// </summary>
/// <remarks>
/// <para>Named after what PyTorch and TorchSharp users already call the thing, a <c>DataLoader</c>, with .NET's <c>I</c> for its
/// contract, and generic over the batch as <see cref="IEnumerable{T}"/> is over its elements: PyTorch's <c>len(loader)</c> is
/// <see cref="Count"/>, <c>set_epoch</c> is <see cref="IEpochAware.SetEpoch"/>, and a mid-epoch resume (torchdata's
/// <c>StatefulDataLoader</c>) is <see cref="IterateFrom"/>.</para>
/// <para>Enumerating the loader (<see cref="IEnumerable{T}.GetEnumerator"/>) is <c>IterateFrom(0)</c>. Only <see cref="Count"/>,
/// <see cref="IterateFrom"/>, <see cref="IEpochAware.SetEpoch"/> and the enumerator must be written; the other members default to
/// "the loader does not say", which costs the checks they enable, never correctness.</para>
/// <para>A loader whose parts are samplers and batch samplers implements <c>SetEpoch(epoch)</c> as
/// <see cref="Epochs.SetEpoch"/><c>(this, epoch)</c>, as both <see cref="EpochDataLoader"/> types do.</para>
/// </remarks>
/// <typeparam name="TBatch">What one batch is, such as TorchSharp's <c>Dictionary&lt;string, Tensor&gt;</c>.</typeparam>
public interface IDataLoader<out TBatch> : IEnumerable<TBatch>, IEpochAware
{
    /// <summary>
    /// How many batches an enumeration of the current epoch yields on this process (with a distributed sampler, on this rank);
    /// null when the loader cannot say without enumerating.
    /// </summary>
    long? Count { get; }

    /// <summary>Where the loader puts its batches' tensors; null when it does not say. A trainer moves the batches of a loader that says another device, or nothing.</summary>
    Device? Device => null;

    /// <summary>
    /// Where the batches' indices come from, when the loader draws every batch from this batch sampler over one data set of
    /// <see cref="DatasetLength"/> samples; null when it does not say. Lets a trainer check, without loading data, which samples
    /// an epoch holds (evaluation must see every sample once) and resume an interrupted epoch on another number of ranks.
    /// </summary>
    IBatchSampler? BatchSampler => null;

    /// <summary>How many samples the data set that <see cref="BatchSampler"/>'s indices point into holds; null when the loader does not say.</summary>
    long? DatasetLength => null;

    /// <summary>
    /// The current epoch's batches from batch <paramref name="firstBatch"/> (zero-based) on: a resumed run's rest of an
    /// interrupted epoch. Past the last batch, none. <c>IterateFrom(0)</c> is the whole epoch.
    /// </summary>
    /// <remarks>Should cost no loading for the batches skipped (only their indices, say); a loader that cannot do that
    /// loads and drops them, which gives the same batches, slowly.</remarks>
    /// <param name="firstBatch">The first batch to yield; not negative.</param>
    /// <returns>The batches, lazily: nothing is read until the first <c>MoveNext</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstBatch"/> is negative.</exception>
    IEnumerable<TBatch> IterateFrom(long firstBatch);
}
