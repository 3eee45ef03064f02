// Scenario: a data-parallel loop sets the epoch on the first batch, both on the loader and on the DistributedSampler it was built from, inside the batch loop: wrong twice (both calls reach the order only one epoch late) - CMP005 on each; Fix All should move both before the `foreach`.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.FirstBatchSetsLoaderAndShard;

public static class DataParallelWorker
{
    public static void Run(int rank, int worldSize, int epochs)
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(4000, 32), ["label"] = randint(0, 8, 4000) });
        var shard = new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: 77);
        using var loader = new EpochDataLoader(data, batchSize: 50, sampler: shard);
        var model = nn.Sequential(nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 8));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            long step = 0;
            foreach (var batch in loader)
            {
                if (step == 0)
                {
                    loader.SetEpoch(epoch); //! CMP005
                    shard.SetEpoch(epoch); //! CMP005
                }
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                step++;
            }
            if (rank == 0) Console.WriteLine($"epoch {epoch}: {step} steps");
        }
    }

    public static void Main() => Run(rank: 0, worldSize: 2, epochs: 3);
}
