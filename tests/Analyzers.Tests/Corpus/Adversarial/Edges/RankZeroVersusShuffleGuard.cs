// Scenario: the shard sampler's epoch is set under `if (shuffle)` (fine) and the replay loader's only under `if (Dist.Rank == 0)` (wrong: the other ranks never reshuffle it), both on every pass of the epoch loop.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.RankZeroVersusShuffleGuard;

public static class DataParallelFit
{
    public static void Run(nn.Module<Tensor, Tensor> model, InMemoryDataset data, InMemoryDataset replay, bool shuffle, int epochs)
    {
        Dist.Initialize();
        var optimizer = optim.SGD(model.parameters(), 0.02, momentum: 0.9);

        var sampler = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, shuffle: shuffle, seed: 5);
        using var train = new EpochDataLoader(data, batchSize: 32, sampler: sampler, dropLast: true);
        using var replayLoader = new EpochDataLoader(replay, batchSize: 32, shuffle: true, seed: 9);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (shuffle)
                sampler.SetEpoch(epoch);

            if (Dist.Rank == 0)
            {
                Console.WriteLine($"epoch {epoch} on {Dist.WorldSize} ranks");
                replayLoader.SetEpoch(epoch);
            }

            foreach (var batch in train)
                Step(model, optimizer, batch);

            // Rehearsal pass over the replay buffer.
            foreach (var batch in replayLoader) //! CMP002
                Step(model, optimizer, batch);

            Dist.Barrier();
        }
    }

    private static void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
        loss.backward();
        foreach (var p in model.parameters())
            if (p.grad is { } g) Dist.AllReduce(g);
        optimizer.step();
    }
}
