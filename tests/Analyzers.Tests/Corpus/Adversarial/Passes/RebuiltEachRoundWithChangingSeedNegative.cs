// Scenario: self-training rounds in while (!converged); each round rebuilds the pseudo-labelled loader and a TorchSharp replay loader inside using blocks, seeded with baseSeed + round, and the round counter advances every pass — right (new order every round).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Blind10.RebuiltEachRoundWithChangingSeedNegative;

public static class Program
{
    public static void Main(string[] args)
    {
        int baseSeed = args.Length > 0 ? int.Parse(args[0]) : 17;
        var pool = randn(30_000, 36);
        using var seedSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1_000, 36), ["label"] = randint(0, 4, new long[] { 1_000 }) });
        var model = nn.Sequential(("fc1", nn.Linear(36, 72)), ("act", nn.ReLU()), ("fc2", nn.Linear(72, 4)));
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

        void Fit(IEnumerable<Dictionary<string, Tensor>> batches)
        {
            foreach (var batch in batches)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }

        int round = 0;
        double agreement = 0;
        while (agreement < 0.98 && round < 20)
        {
            Tensor pseudo;
            using (no_grad())
                pseudo = model.forward(pool).argmax(1);
            using var labelled = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = pool.clone(), ["label"] = pseudo });

            using (var selfTrain = new EpochDataLoader(labelled, batchSize: 256, shuffle: true, seed: baseSeed + round))
            {
                foreach (var batch in selfTrain)
                {
                    using var scope = NewDisposeScope();
                    var loss = 0.5f * nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }

            using (var replay = new DataLoader(seedSet, 64, shuffle: true, seed: baseSeed + round))
                Fit(replay);

            using (no_grad())
                agreement = model.forward(pool).argmax(1).eq(pseudo).to_type(ScalarType.Float32).mean().item<float>();
            round++;
        }
    }
}
