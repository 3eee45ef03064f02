using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Northwind.ShardFeed.Data;

/// <summary>
/// Our replacement for EpochDataLoader on the pre-training cluster: reads fixed-size batches from an
/// in-memory shard in the order its index sampler gives, one index_select per column. The sampler is kept
/// private; <see cref="SetEpoch"/> forwards the epoch to it (Epochs.SetEpoch finds the private field too).
/// </summary>
public sealed class ShardFeeder : IEnumerable<Dictionary<string, Tensor>>, IEpochAware
{
    private readonly InMemoryDataset _dataset;
    private readonly ISampler _sampler;
    private readonly int _batchSize;

    public ShardFeeder(InMemoryDataset dataset, ISampler order, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _dataset = dataset;
        _sampler = order;
        _batchSize = batchSize;
    }

    public long BatchCount => (_sampler.Count + _batchSize - 1) / _batchSize;

    public long SampleCount => _sampler.Count;

    public void SetEpoch(int epoch)
    {
        if (_sampler is IEpochAware aware) aware.SetEpoch(epoch);
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] indices in _sampler.Chunk(_batchSize))
            yield return _dataset.GetBatch(indices);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
