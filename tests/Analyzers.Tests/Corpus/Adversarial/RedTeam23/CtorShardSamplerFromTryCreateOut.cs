// Scenario: a trainer's constructor declares `DistributedSampler sampler;`, gets it from `Shards.TryCreate(data.Count, out sampler)` (a shuffling shard sampler under data-parallel runs), falls back to a non-shuffling `DistributedSampler(…, shuffle: false)` when that fails, and builds `_train` over it; `Fit` loops over epochs and never tells `_train` its epoch. The local's `out` value is not a creation in view ("It is not in view … when one of its values is something other than a creation"), and a sampler is epoch-dependent when it is "a variable with an epoch-dependent value in view or, when some of its values are not in view, whose declared type is an epoch-aware class or struct (a `DistributedSampler` parameter counts …)". Under WORLD_SIZE > 1 every epoch replays epoch 0's shard order. CMP002 on `_train` in `Fit`.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam23.CtorShardSamplerFromTryCreateOut;

public sealed class ShardedTrainer
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(("fc1", nn.Linear(20, 80)), ("act", nn.ReLU()), ("fc2", nn.Linear(80, 4)));

    public ShardedTrainer(InMemoryDataset data)
    {
        DistributedSampler sampler;
        if (!Shards.TryCreate(data.Count, out sampler))
            sampler = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, shuffle: false);
        _train = new EpochDataLoader(data, batchSize: 64, sampler: sampler);
    }

    public void Fit(int epochs)
    {
        var optimizer = optim.AdamW(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in _train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]).backward();
                optimizer.step();
            }
        }
    }
}

public static class Shards
{
    /// <summary>A shuffling shard sampler for this rank when the job runs on several processes.</summary>
    public static bool TryCreate(long count, out DistributedSampler sampler)
    {
        int world = int.TryParse(Environment.GetEnvironmentVariable("WORLD_SIZE"), out var w) ? w : 1;
        int rank = int.TryParse(Environment.GetEnvironmentVariable("RANK"), out var r) ? r : 0;
        sampler = world > 1 ? new DistributedSampler(count, numReplicas: world, rank: rank, seed: 9) : null!;
        return world > 1;
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(5000, 20), ["y"] = randint(0, 4, new long[] { 5000 }) });
        new ShardedTrainer(data).Fit(15);
    }
}
