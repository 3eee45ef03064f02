// Scenario: a PyTorch-ported loader type with only a Sampler (DistributedSampler) member; the trainer hands it to each IFeederCallback.OnEpochStart(feeder, epoch) (an interface method is not in view, so the loader counts as handled) and the callback sets feeder.Sampler — no BatchSampler member, so CMP001 does not apply; nothing flagged.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FeederPort;

public sealed class FeederShardLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public FeederShardLoader(InMemoryDataset data, int batchSize, int seed)
    {
        Data = data;
        BatchSize = batchSize;
        Sampler = new DistributedSampler(data.Count, seed: seed);
    }

    public InMemoryDataset Data { get; }
    public int BatchSize { get; }
    public DistributedSampler Sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] chunk in Sampler.Chunk(BatchSize)) yield return Data.GetBatch(chunk);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public interface IFeederCallback
{
    void OnEpochStart(FeederShardLoader feeder, int epoch);
}

public sealed class FeederReshuffleCallback : IFeederCallback
{
    public void OnEpochStart(FeederShardLoader feeder, int epoch) => feeder.Sampler.SetEpoch(epoch);
}

public sealed class FeederTrainer
{
    private readonly FeederShardLoader _feeder;
    private readonly IReadOnlyList<IFeederCallback> _callbacks;

    public FeederTrainer(FeederShardLoader feeder, IReadOnlyList<IFeederCallback> callbacks)
    {
        _feeder = feeder;
        _callbacks = callbacks;
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var callback in _callbacks) callback.OnEpochStart(_feeder, epoch);
            foreach (var batch in _feeder)
            {
                _ = batch.Count;
            }
        }
    }
}
