// Scenario: a trainer builds TorchSharp's loader over a data set made in place by a factory, with a comment line above the statement, `new DataLoader(Splits.Load(root, "train"), 64, shuffle: true, seed: 3)`, and iterates it every epoch: wrong (fixed seed) - CMP003. The fix first stores the data set in a local (`var dataset = Splits.Load(root, "train");`), a statement of its own, then shuffles with a RandomSampler over `dataset.Count`.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam21.TorchLoaderOverFactoryDataSetCommented;

public static class Splits
{
    public static InMemoryDataset Load(string root, string split) =>
        new(new Dictionary<string, Tensor> { ["data"] = randn(root.Length + (split == "train" ? 400 : 100), 3), ["label"] = randint(0, 2, root.Length + (split == "train" ? 400 : 100)) });
}

public static class Trainer
{
    public static void Fit(string root, int epochs)
    {
        var model = nn.Linear(3, 2);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        // Training split, shuffled.
        using var train = new DataLoader(Splits.Load(root, "train"), 64, shuffle: true, seed: 3); //! CMP003

        for (int epoch = 0; epoch < epochs; epoch++)
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
