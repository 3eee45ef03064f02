// Scenario: a TorchSharp loader rebuilt inside every epoch but always with the same options.Seed, and a helper that creates one with a non-constant `shuffle: train` and a seed parameter: both shuffle into the same order every epoch (CMP003 twice).
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seeds;

public sealed record SeedOptions(int Seed, int Epochs, int BatchSize);

public static class FixedSeedLoaders
{
    static DataLoader MakeLoader(torch.utils.data.Dataset data, bool train, int seed) => new DataLoader(data, 128, shuffle: train, seed: seed, disposeDataset: false); //! CMP003

    public static void Run(torch.utils.data.Dataset train, torch.utils.data.Dataset holdout, SeedOptions options)
    {
        var holdoutLoader = MakeLoader(holdout, train: true, seed: 7);
        var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 10)));
        var opt = optim.SGD(model.parameters(), 0.05);
        using var reducer = new GradientAllReducer(model);

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            using var loader = new DataLoader(train, options.BatchSize, shuffle: true, seed: options.Seed, disposeDataset: false); //! CMP003
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                reducer.AverageGradients();
                opt.step();
            }

            using (no_grad())
            {
                // A quick look at the first few held-out batches after each epoch.
                var preview = holdoutLoader.Take(4).Select(b => nn.functional.cross_entropy(model.forward(b["data"]), b["label"]).item<float>()).Average();
                if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: holdout preview loss {preview:F4}");
            }
        }
    }
}
