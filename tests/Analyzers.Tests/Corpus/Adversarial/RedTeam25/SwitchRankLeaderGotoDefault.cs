// Scenario: per-rank duties in `switch (Dist.Rank)`: rank 0 writes the epoch header and a scalars row, then `goto default;` to run what every rank does, the `default:` section that sets the loader's epoch. Every rank reaches `train.SetEpoch(epoch)`. Correct: CMP002.md counts a setter in a case when "every other case of a switch that has a `default:`, sets the loader on every rank that takes it", and rank 0's case does, through `goto default`. Nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.SwitchRankLeaderGotoDefault;

public static class RoleDispatch
{
    public static void Fit(Module<Tensor, Tensor> model, InMemoryDataset data, int epochs, TextWriter scalars)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 13);
        using var train = new EpochDataLoader(data, batchSize: 64, sampler: shard, dropLast: true);
        var optimizer = optim.SGD(model.parameters(), 0.02, momentum: 0.9);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            switch (Dist.Rank)
            {
                case 0:
                    Console.WriteLine($"=== epoch {epoch} of {epochs} ===");
                    scalars.WriteLine($"{epoch},lr,{0.02}");
                    goto default;
                default:
                    train.SetEpoch(epoch);
                    break;
            }

            model.train();
            foreach (var batch in train)
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
}
