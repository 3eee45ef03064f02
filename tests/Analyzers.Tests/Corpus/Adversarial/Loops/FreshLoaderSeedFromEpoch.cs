// Scenario: each epoch builds a fresh shuffle:true EpochDataLoader whose seed is derived from the epoch (baseSeed + epoch), so every epoch has its own order: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.FreshLoaders;

public static class PerEpochLoader
{
    public static void Train(InMemoryDataset data, int epochs, int baseSeed, Device device)
    {
        var model = nn.Sequential(("fc1", nn.Linear(16, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 3))).to(device);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var loader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: baseSeed + epoch, device: device);
            double total = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {total / loader.Count:F4}");
        }
    }
}
