// Scenario: top-level program with a `static` local function `BeginEpoch(EpochDataLoader loader, int epoch)` called with named arguments in reverse order (`BeginEpoch(epoch: e, loader: train)`); correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(256, 4), ["label"] = randint(0, 2, 256) });
using var train = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 5);
var model = nn.Linear(4, 2);
var opt = optim.SGD(model.parameters(), learningRate: 0.1);

for (int e = 0; e < 12; e++)
{
    BeginEpoch(epoch: e, loader: train);
    foreach (var batch in train)
    {
        opt.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        opt.step();
    }
}

static void BeginEpoch(EpochDataLoader loader, int epoch)
{
    loader.SetEpoch(epoch);
    Console.WriteLine($"epoch {epoch}");
}

namespace RedTeam.A.Cmp002StaticLocalFunctionNamedArgs
{
    internal static class Marker { }
}
