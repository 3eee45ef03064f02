// Scenario: a seed sweep runs Parallel.For over seeds, an outer loop over repeated runs and an inner 1-based epoch loop that sets epoch - 1 on a loader rebuilt per run; right.
using System.Collections.Concurrent;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HeldOut.Edges.ParallelSeedsOuterEpochsInner;

public static class SeedSweep
{
    public static IReadOnlyDictionary<(int Seed, int Run), double> Run(
        Func<nn.Module<Tensor, Tensor>> makeModel, InMemoryDataset data, InMemoryDataset val, int[] seeds, int runs, int epochs)
    {
        var results = new ConcurrentDictionary<(int Seed, int Run), double>();

        Parallel.For(0, seeds.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            int seed = seeds[i];
            using var evalLoader = new DataLoader(val, 256, shuffle: false, disposeDataset: false);

            for (int run = 0; run < runs; run++)
            {
                var model = makeModel();
                var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
                using var loader = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: seed * 1000 + run);

                for (int epoch = 1; epoch <= epochs; epoch++)
                {
                    loader.SetEpoch(epoch - 1);
                    foreach (var batch in loader)
                    {
                        optimizer.zero_grad();
                        using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                        loss.backward();
                        optimizer.step();
                    }
                }

                double correct = 0;
                using (no_grad())
                {
                    foreach (var batch in evalLoader)
                    {
                        using var predicted = model.forward(batch["x"]).argmax(1);
                        correct += predicted.eq(batch["y"]).sum().item<long>();
                    }
                }
                results[(seed, run)] = correct / val.Count;
            }
        });

        foreach (var ((seed, run), accuracy) in results.OrderBy(r => r.Key))
            Console.WriteLine($"seed {seed} run {run}: {accuracy:P2}");
        return results;
    }
}
