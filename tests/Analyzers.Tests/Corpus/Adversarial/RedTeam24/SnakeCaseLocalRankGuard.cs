// Scenario: a DDP script ported from PyTorch keeps PyTorch's names (`local_rank` from the launcher's LOCAL_RANK) and sets the shard loader's epoch only inside `if (local_rank == 0)`, next to the progress print; the other ranks never reshuffle. Wrong: CMP002 flags a pass that sets the epoch only in a branch that some ranks take, where the condition reads a variable named like `localRank` (a rank).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.SnakeCaseLocalRankGuard;

public static class DdpTrain
{
    public static void Main(string[] args)
    {
        int local_rank = int.Parse(Environment.GetEnvironmentVariable("LOCAL_RANK") ?? "0");
        int world_size = int.Parse(Environment.GetEnvironmentVariable("WORLD_SIZE") ?? "1");
        int epochs = args.Length > 0 ? int.Parse(args[0]) : 10;
        Dist.Initialize();

        var data = Synthetic(4096);
        var sampler = new DistributedSampler(data.Count, numReplicas: world_size, rank: local_rank, seed: 17);
        using var train_loader = new EpochDataLoader(data, batchSize: 64, sampler: sampler, dropLast: true);

        var model = Sequential(Linear(32, 64), ReLU(), Linear(64, 4));
        var optimizer = optim.SGD(model.parameters(), 0.05);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (local_rank == 0)
            {
                Console.WriteLine($"Epoch {epoch + 1}/{epochs}");
                train_loader.SetEpoch(epoch);
            }

            model.train();
            foreach (var batch in train_loader) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["x"]), batch["y"]);
                loss.backward();
                foreach (var p in model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }

            Dist.Barrier();
        }
    }

    private static InMemoryDataset Synthetic(int n) => new(new Dictionary<string, Tensor>
    {
        ["x"] = randn(n, 32),
        ["y"] = randint(0, 4, n),
    });
}
