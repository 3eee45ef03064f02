// Scenario: a project wraps TorchSharp's loader in `TabularDataLoader : DataLoader` (only a `shuffle`/`seed` constructor) and builds it with `shuffle: true, seed: 42`: wrong (TorchSharp reseeds from 42 at every enumeration) - CMP003 (a type derived from DataLoader whose name ends in DataLoader); its fix must not pass a sampler to a constructor that takes none.
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.DerivedTabularDataLoaderFixedSeed;

public sealed class TabularDataLoader : TorchSharp.Modules.DataLoader
{
    public TabularDataLoader(utils.data.Dataset dataset, int batchSize, bool shuffle = false, int? seed = null)
        : base(dataset, batchSize, shuffle, seed: seed, num_worker: 2)
    {
    }
}

public static class Program
{
    public static void Main()
    {
        var dataset = new Composer.Data.InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(1200, 7),
            ["label"] = randint(0, 2, 1200),
        });
        using var train = new TabularDataLoader(dataset, 64, shuffle: true, seed: 42); //! CMP003
        var model = nn.Sequential(nn.Linear(7, 16), nn.ReLU(), nn.Linear(16, 2));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < 8; epoch++)
        {
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
