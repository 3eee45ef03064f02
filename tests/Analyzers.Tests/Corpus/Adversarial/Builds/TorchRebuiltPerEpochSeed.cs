// Scenario: an async loop rebuilds its TorchSharp loaders every epoch, seeded `cfg.Seed + epoch` and `seeds[epoch]` (fine). CMP003 not flagged: "A loader built inside a loop with a seed that changes across that loop: `seed: baseSeed + epoch` … array elements (`seeds[epoch]`) also count as changing inside a loop".
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Blind14.TorchRebuiltPerEpochSeed;

public sealed class RunConfig
{
    public int Seed { get; init; } = 5;
    public int BatchSize { get; init; } = 32;
    public int Epochs { get; init; } = 8;
}

public static class ReseedingTrainer
{
    public static async Task RunAsync(InMemoryDataset data, RunConfig cfg, CancellationToken ct)
    {
        int[] seeds = Enumerable.Range(0, cfg.Epochs).Select(i => cfg.Seed * 1000 + i).ToArray();
        for (int epoch = 0; epoch < cfg.Epochs; epoch++)
        {
            using var train = new DataLoader(data, cfg.BatchSize, shuffle: true, seed: cfg.Seed + epoch, disposeDataset: false);
            foreach (var batch in train)
                _ = batch["data"].sum();

            using var probe = torch.utils.data.DataLoader(data, 16, shuffle: true, seed: seeds[epoch], disposeDataset: false);
            var first = probe.First();
            Console.WriteLine(first["label"].shape[0]);

            await Task.Delay(1, ct);
        }
    }
}
