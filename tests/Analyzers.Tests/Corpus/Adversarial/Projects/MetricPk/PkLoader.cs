using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace MetricPk;

/// <summary>
/// Port of the PyTorch metric-learning loader: P classes × K samples per batch. As in PyTorch, the loader keeps
/// a plain <c>sampler</c> next to the <c>batch_sampler</c> that actually decides the batches.
/// </summary>
public sealed class PkLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;

    public PkLoader(InMemoryDataset data, IReadOnlyList<long> labels, int p, int k, int seed)
    {
        _data = data;
        sampler = new SequentialSampler(data.Count);
        batch_sampler = new ClassBalancedBatchSampler(labels, classesPerBatch: p, samplesPerClass: k, seed: seed);
    }

    public ISampler sampler { get; }

    public ClassBalancedBatchSampler batch_sampler { get; }

    public long Count => batch_sampler.Count;

    public void set_epoch(int epoch) => Epochs.SetEpoch(this, epoch);

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler)
            yield return _data.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
