// Scenario: patience-based early stopping in a do/while whose counter advances in the condition (++epoch), evaluation every 2 epochs on a non-shuffling loader, break when patience runs out; correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(6000, 20),
    ["label"] = randn(6000, 1),
});
var valSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(1000, 20),
    ["label"] = randn(1000, 1),
});

using var train = new EpochDataLoader(trainSet, batchSize: 50, shuffle: true, seed: 99);
using var val = new EpochDataLoader(valSet, batchSize: 500);

var model = nn.Sequential(nn.Linear(20, 64), nn.Tanh(), nn.Linear(64, 1));
var opt = optim.Adam(model.parameters(), lr: 1e-3);

const int maxEpochs = 200, patience = 5, evalEvery = 2;
double best = double.PositiveInfinity;
int badEvals = 0;
int epoch = 0;

double Evaluate()
{
    model.eval();
    double sum = 0;
    using var _ = no_grad();
    foreach (var batch in val)
        sum += nn.functional.mse_loss(model.call(batch["data"]), batch["label"]).item<float>() * batch["data"].shape[0];
    model.train();
    return sum / valSet.Count;
}

do
{
    train.SetEpoch(epoch);
    foreach (var batch in train)
    {
        opt.zero_grad();
        using var loss = nn.functional.mse_loss(model.call(batch["data"]), batch["label"]);
        loss.backward();
        opt.step();
    }

    if (epoch % evalEvery == 0)
    {
        var mse = Evaluate();
        Console.WriteLine($"[{epoch,3}] val mse {mse:F5}");
        if (mse < best - 1e-5) { best = mse; badEvals = 0; }
        else if (++badEvals >= patience)
        {
            Console.WriteLine($"early stop at epoch {epoch}, best {best:F5}");
            break;
        }
    }
} while (++epoch < maxEpochs);
