// Scenario: a local factory function builds a seeded shuffling TorchSharp loader and the epoch loop calls it with `cfg.Seed + epoch` (fine). CMP003 not flagged: "A loader built inside a loop with a seed that changes across that loop: … a parameter of a local function called with such a value" (condition 3 includes "the loops around the calls of a local function").
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Blind14.LocalFunctionFactorySeed;

public sealed record TrainConfig(int BatchSize, int Seed, int Epochs);

public static class FactoryLoop
{
    public static void Run(InMemoryDataset data, TrainConfig cfg)
    {
        DataLoader Make(int seed) => new DataLoader(data, cfg.BatchSize, shuffle: true, seed: seed, disposeDataset: false);

        for (int epoch = 0; epoch < cfg.Epochs; epoch++)
        {
            using var loader = Make(cfg.Seed + epoch);
            foreach (var batch in loader)
                _ = batch["data"].sum();
        }
    }
}
