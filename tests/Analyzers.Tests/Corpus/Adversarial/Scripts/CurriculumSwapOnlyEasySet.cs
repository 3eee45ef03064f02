// Scenario: curriculum that swaps from the easy to the hard data set at an epoch threshold through a ?: local; only the easy loader's epoch is set, so the hard phase replays one order; a bug (CMP002 on the chosen loader).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var easySet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(3000, 24) * 0.5,
    ["label"] = randint(0, 6, new long[] { 3000 }),
});
var hardSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(9000, 24) * 2.0,
    ["label"] = randint(0, 6, new long[] { 9000 }),
});

using var easy = new EpochDataLoader(easySet, batchSize: 32, shuffle: true, seed: 1);
using var hard = new EpochDataLoader(hardSet, batchSize: 32, shuffle: true, seed: 2);

var net = nn.Sequential(nn.Linear(24, 48), nn.ReLU(), nn.Linear(48, 6));
var opt = optim.SGD(net.parameters(), 0.01);
int epochs = 30, switchAt = 8;

for (int epoch = 0; epoch < epochs; epoch++)
{
    easy.SetEpoch(epoch);
    var loader = epoch < switchAt ? easy : hard;
    double total = 0;
    foreach (var batch in loader) //! CMP002
    {
        opt.zero_grad();
        using var loss = nn.functional.cross_entropy(net.call(batch["data"]), batch["label"]);
        loss.backward();
        opt.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch} ({(epoch < switchAt ? "easy" : "hard")}): {total / loader.Count:F3}");
}
