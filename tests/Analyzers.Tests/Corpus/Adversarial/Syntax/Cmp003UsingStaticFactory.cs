// Scenario: `using static TorchSharp.torch.utils.data;` then `DataLoader(data, 32, shuffle: isTrain, seed: cfg.Seed)` (a call named DataLoader, shuffle any non-false expression, fixed seed) (bug: CMP003).
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.utils.data;

namespace RedTeam.A.Cmp003UsingStaticFactory;

public sealed record RunConfig(int Seed, int BatchSize, bool Shuffle);

public static class Loaders
{
    public static void Train(Dataset data, RunConfig cfg, bool isTrain, int epochs)
    {
        using var loader = DataLoader(data, cfg.BatchSize, shuffle: isTrain, seed: cfg.Seed); //! CMP003
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader)
                Console.WriteLine($"{epoch}: {batch.Count}");
        }
    }
}
