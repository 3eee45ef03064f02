// Scenario: a top-level notebook export that starts with `#nullable enable` and a file comment, imports TorchSharp only and spells the runtime's types out (`Composer.Data.EpochDataLoader`); it trains in `do { … } while (loss > 0.5)` and never sets the shuffling loader's epoch: wrong - CMP002. The fix declares `var epoch = 0;` before the loop, passes `epoch++` and adds `using Composer.Data;` (for `Epochs`).
#nullable enable
// Exported from notebooks/regression.ipynb
using TorchSharp;
using static TorchSharp.torch;

var data = new Composer.Data.InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(200, 3), ["target"] = randn(200, 1) });
using var train = new Composer.Data.EpochDataLoader(data, batchSize: 25, shuffle: true, seed: 123);
var model = nn.Linear(3, 1);
var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
double loss;

do
{
    loss = 0;
    foreach (var batch in train) //! CMP002
    {
        using var scope = NewDisposeScope();
        var l = nn.functional.mse_loss(model.forward(batch["data"]), batch["target"]);
        optimizer.zero_grad();
        l.backward();
        optimizer.step();
        loss += l.item<float>();
    }
    Console.WriteLine($"loss {loss:F3}");
} while (loss > 0.5);
