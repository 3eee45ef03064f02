// Scenario: a trainer's `BeginEpoch(loader, epoch)` method (in this file) logs and sets the loader's epoch; the loop calls it only under `if (Dist.Rank == 0)`, so ranks other than 0 never reshuffle their shard. Wrong: CMP002 with its rank message — a call to a method in view that sets the epoch handles it only where the call runs, and this call is in a branch that only some ranks take.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.HelperMethodUnderRankZero;

public sealed class ShardTrainer(Module<Tensor, Tensor> model)
{
    public void Fit(InMemoryDataset data, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 55);
        using var train = new EpochDataLoader(data, batchSize: 96, sampler: shard);
        var optimizer = optim.Adam(model.parameters(), lr: 2e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (Dist.Rank == 0)
                BeginEpoch(train, epoch);

            model.train();
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.smooth_l1_loss(model.call(batch["x"]), batch["y"]);
                loss.backward();
                foreach (var p in model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }
        }
    }

    private static void BeginEpoch(EpochDataLoader loader, int epoch)
    {
        Console.WriteLine($"epoch {epoch}: {loader.Count} batches per rank");
        loader.SetEpoch(epoch);
    }
}
