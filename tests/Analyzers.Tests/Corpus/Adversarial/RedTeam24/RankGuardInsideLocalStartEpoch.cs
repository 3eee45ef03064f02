// Scenario: inside its epoch loop a training method declares a local function `StartEpoch()` that prints the epoch header and sets the shard loader's epoch, both under `if (Dist.Rank == 0)`, and the pass calls `StartEpoch()` unconditionally before iterating. At run time the other ranks never reshuffle, but the CMP002 page is explicit that "setters in a method, local function or lambda that the pass calls are not looked into for rank conditions": the call on the pass handles the epoch, so by the pages nothing is reported (the same local function declared above the loop is indeed not flagged).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.RankGuardInsideLocalStartEpoch;

public static class ShardedFit
{
    public static void Run(Module<Tensor, Tensor> model, InMemoryDataset data, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 13);
        using var train = new EpochDataLoader(data, batchSize: 64, sampler: shard);
        var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            void StartEpoch()
            {
                watch.Restart();
                if (Dist.Rank == 0)
                {
                    Console.WriteLine($"=== epoch {epoch + 1}/{epochs} ===");
                    train.SetEpoch(epoch);
                }
            }

            StartEpoch();
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

            if (Dist.Rank == 0) Console.WriteLine($"epoch took {watch.Elapsed.TotalSeconds:F1}s");
        }
    }
}
