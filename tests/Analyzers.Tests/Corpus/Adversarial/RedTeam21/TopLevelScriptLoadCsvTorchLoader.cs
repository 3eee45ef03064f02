// Scenario: a top-level research script builds TorchSharp's loader straight from a call, `new DataLoader(LoadSplit("train"), 64, shuffle: true, seed: 7)`, and loops over epochs: wrong (fixed seed, same order every epoch) - CMP003. The data set is made in place, so the fix first stores it in a local (`var dataset = LoadSplit("train");`); the creation is a statement of the script, not a field initializer.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

using var train = new DataLoader(LoadSplit("train"), 64, shuffle: true, seed: 7); //! CMP003
var model = nn.Linear(6, 2);
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

static InMemoryDataset LoadSplit(string split) =>
    new(new Dictionary<string, Tensor> { ["data"] = randn(split == "train" ? 512 : 128, 6), ["label"] = randint(0, 2, split == "train" ? 512 : 128) });
