// Scenario: a top-level program that trains with the epoch set every epoch, then evaluates once on an unshuffled loader: right, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var columns = new Dictionary<string, Tensor> { ["data"] = randn(256, 8), ["label"] = randn(256, 1) };
using var data = new InMemoryDataset(columns);
var model = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 1));
var optimizer = optim.Adam(model.parameters());

using var train = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 3);
for (var epoch = 0; epoch < 5; epoch++)
{
    train.SetEpoch(epoch);
    foreach (var batch in train)
    {
        optimizer.zero_grad();
        var loss = nn.functional.mse_loss(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
}

using var eval = new EpochDataLoader(data, batchSize: 64);
double total = 0;
foreach (var batch in eval) total += nn.functional.mse_loss(model.call(batch["data"]), batch["label"]).item<float>();
Console.WriteLine($"eval loss {total:F3}");
