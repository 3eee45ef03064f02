// Scenario: curriculum learning picks the easy or the hard loader by epoch with ?: and sets the chosen loader's epoch before iterating it: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

static InMemoryDataset Synthetic(int n, float noise)
{
    var x = torch.randn(n, 24);
    var y = x.sum(1).gt(0).to_type(ScalarType.Int64);
    return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x + noise * torch.randn(n, 24), ["label"] = y });
}

using var easySet = Synthetic(2000, 0.05f);
using var hardSet = Synthetic(8000, 0.6f);
using var easy = new EpochDataLoader(easySet, batchSize: 32, shuffle: true, seed: 1);
using var hard = new EpochDataLoader(hardSet, batchSize: 64, shuffle: true, seed: 2);

var model = nn.Sequential(("fc1", nn.Linear(24, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 2)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
const int warmupEpochs = 3, totalEpochs = 12;

for (int epoch = 0; epoch < totalEpochs; epoch++)
{
    var loader = epoch < warmupEpochs ? easy : hard;
    loader.SetEpoch(epoch);
    double total = 0;
    foreach (var batch in loader)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    string stage = ReferenceEquals(loader, easy) ? "easy" : "hard";
    Console.WriteLine($"epoch {epoch} ({stage}): {total / loader.Count:F4}");
}
