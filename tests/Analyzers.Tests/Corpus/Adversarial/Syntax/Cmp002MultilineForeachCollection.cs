// Scenario: a long foreach header wrapped after `in`, so the collection (LINQ on the shuffling loader) is on the next line; the epoch is never set (bug: CMP002 on the collection's line).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002MultilineForeachCollection;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(5000, 20),
            ["label"] = randint(0, 2, 5000),
        });
        using var trainLoader = new EpochDataLoader(data, batchSize: 50, shuffle: true, dropLast: true, seed: 99);
        var model = nn.Sequential(nn.Linear(20, 20), nn.Tanh(), nn.Linear(20, 2));
        var optimizer = optim.Adam(model.parameters());
        const int warmupBatches = 20, maxBatchesPerEpoch = 80;

        for (int epoch = 0; epoch < 8; epoch++)
        {
            foreach (var (batch, batchIndex) in
                     trainLoader.Take(maxBatchesPerEpoch).Select((b, i) => (b, i))) //! CMP002
            {
                var scale = batchIndex < warmupBatches && epoch == 0 ? (batchIndex + 1) / (double)warmupBatches : 1.0;
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]) * scale;
                loss.backward();
                optimizer.step();
            }
        }
    }
}
