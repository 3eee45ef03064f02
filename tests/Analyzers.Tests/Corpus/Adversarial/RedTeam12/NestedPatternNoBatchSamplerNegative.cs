// Scenario: a run built in view with a DistributedSampler passed as `sampler:` (the loader builds its own BatchSampler over it), set each epoch through `run is { Loader: not null, Loader.Sampler: DistributedSampler ddp }`. Setting the sampler is right for such a loader and the iteration is handled — correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.NestedPatternNoBatchSamplerNegative;

public sealed class ShardRun
{
    public ShardRun(InMemoryDataset data, int rank, int world)
    {
        Loader = new EpochDataLoader(data, batchSize: 64, sampler: new DistributedSampler(data.Count, numReplicas: world, rank: rank, seed: 9));
    }

    public EpochDataLoader? Loader { get; }
}

public static class ShardTraining
{
    public static void Fit(ShardRun run, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (run is { Loader: not null, Loader.Sampler: DistributedSampler ddp }) ddp.SetEpoch(epoch);
            foreach (var batch in run.Loader!)
            {
                using var scope = NewDisposeScope();
                _ = batch["x"].sum();
            }
        }
    }
}
