// Scenario: a loader type of the user's with a BatchSampler and its own SetEpoch(long epoch) (the team counts
// epochs in long); the trainer subscribes the sampler's SetEpoch(int) to an Action<int> event: CMP001. A fix
// `+= loader.SetEpoch` does not compile: a method taking long does not convert to Action<int>.
using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace RedTeam16.LongOwnSetterMethodGroup;

public sealed class ShardLoader(InMemoryDataset data, DistributedSampler shard, int batchSize) : IEnumerable<Dictionary<string, Tensor>>
{
    public ISampler Sampler { get; } = new SequentialSampler(data.Count);

    public BatchSampler BatchSampler { get; } = new BatchSampler(shard, batchSize);

    public void SetEpoch(long epoch) => BatchSampler.SetEpoch(checked((int)epoch));

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in BatchSampler) yield return data.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class Trainer
{
    public event Action<int>? EpochStarted;

    public void Fit(ShardLoader loader, int epochs)
    {
        EpochStarted += ((IEpochAware)loader.Sampler).SetEpoch; //! CMP001
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarted?.Invoke(epoch);
            foreach (var batch in loader) { }
        }
    }
}
