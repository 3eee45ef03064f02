// Scenario: feature extraction runs `Parallel.ForEach(train, …)` over a shuffling loader in each augmentation round, never setting its epoch; `Parallel.ForEach` is no iteration the rules know and receives the loader as an argument of a method not in view: not reported (documented: a loader handed to code not in view may get its epoch set there).
using System.Collections.Concurrent;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.ParallelForEachOverLoaderBatches;

public static class FeatureBank
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(2048, 64) });
        using var train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 10, disposeBatches: false);
        var encoder = nn.Sequential(nn.Linear(64, 32), nn.Tanh());
        encoder.eval();

        for (int round = 0; round < 4; round++)
        {
            var features = new ConcurrentBag<Tensor>();
            Parallel.ForEach(train, new ParallelOptions { MaxDegreeOfParallelism = 4 }, batch =>
            {
                using var _ = no_grad();
                features.Add(encoder.forward(batch["data"]).mean(new long[] { 0 }));
            });
            var bank = stack(features.ToArray());
            Console.WriteLine($"round {round}: bank {string.Join("x", bank.shape)}");
        }
    }
}
