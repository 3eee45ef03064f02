// Scenario: a factory returns a positional record holding a batch-sampler loader and the DistributedSampler inside its BatchSampler; the worker deconstructs the record and sets the epoch on that shard sampler before each epoch (right: the BatchSampler draws from it).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.RecordDeconstructedShardSet;

public sealed record ShardedData(EpochDataLoader Loader, DistributedSampler Shard, int Rank);

public static class ShardedDataFactory
{
    public static ShardedData Create(InMemoryDataset data, int batchSize, int seed)
    {
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: seed, dropLast: true);
        var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, batchSize, dropLast: true));
        return new ShardedData(loader, shard, Dist.Rank);
    }
}

public sealed class Worker(nn.Module<Tensor, Tensor> model)
{
    private readonly optim.Optimizer _optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);

    public void Train(ShardedData data, int epochs)
    {
        var (loader, shard, rank) = data;
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            shard.SetEpoch(epoch);
            long steps = 0;
            foreach (var batch in loader)
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                reducer.AverageGradients();
                _optimizer.step();
                steps++;
            }
            if (rank == 0) Console.WriteLine($"epoch {epoch}: {steps} steps per rank");
        }
    }
}
