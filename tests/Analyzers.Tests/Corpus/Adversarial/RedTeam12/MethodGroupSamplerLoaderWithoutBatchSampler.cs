// Scenario: the trainer builds its loader itself with `sampler: new DistributedSampler(…)` (no batch sampler of its own) and subscribes the sampler's setter to its event in the constructor: `EpochStarted += ((DistributedSampler)_train.Sampler).SetEpoch;`. The loader's own BatchSampler wraps that very sampler, so this is right — nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.MethodGroupSamplerLoaderWithoutBatchSampler;

public sealed class DdpTrainer
{
    private readonly EpochDataLoader _train;

    public event Action<int>? EpochStarted;

    public DdpTrainer(InMemoryDataset data, int rank, int world)
    {
        _train = new EpochDataLoader(data, batchSize: 32, sampler: new DistributedSampler(data.Count, numReplicas: world, rank: rank, seed: 4));
        EpochStarted += ((DistributedSampler)_train.Sampler).SetEpoch;
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarted?.Invoke(epoch);
            ((DistributedSampler)_train.Sampler).SetEpoch(epoch);
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _ = batch["x"].sum();
            }
        }
    }
}
