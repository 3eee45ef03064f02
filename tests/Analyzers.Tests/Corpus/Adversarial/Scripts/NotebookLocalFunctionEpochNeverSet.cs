// Scenario: .NET Interactive notebook cells with many locals; the batch loop lives in a local function RunEpoch() called from the epoch loop, and the shuffling loader's epoch is never set; a bug (CMP002 inside RunEpoch); the eval lambda over a plain loader is fine.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

// #!csharp  -- config
var seed = 17;
var batchSize = 48;
var hidden = 96;
var lr = 3e-3;
var weightDecay = 1e-4;
var epochs = 12;
var nTrain = 7200;
var nVal = 1200;
var features = 30;
var classes = 3;
torch.manual_seed(seed);

// #!csharp  -- data
var xs = randn(nTrain + nVal, features);
var ys = xs[.., ..3].argmax(1);
var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = xs[..nTrain], ["label"] = ys[..nTrain] });
var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = xs[nTrain..], ["label"] = ys[nTrain..] });
var train = new EpochDataLoader(trainSet, batchSize: batchSize, shuffle: true, seed: seed);
var val = new EpochDataLoader(valSet, batchSize: 400);

// #!csharp  -- model
var model = nn.Sequential(nn.Linear(features, hidden), nn.ReLU(), nn.Linear(hidden, classes));
var opt = optim.AdamW(model.parameters(), lr: lr, weight_decay: weightDecay);
var history = new List<(int epoch, double loss, double acc)>();

double RunEpoch()
{
    model.train();
    double sum = 0;
    int n = 0;
    foreach (var batch in train) //! CMP002
    {
        opt.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        opt.step();
        sum += loss.item<float>();
        n++;
    }
    return sum / n;
}

Func<double> evaluate = () =>
{
    model.eval();
    long hit = 0;
    using var _ = no_grad();
    foreach (var batch in val)
        hit += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().ToInt64();
    return (double)hit / nVal;
};

// #!csharp  -- train
for (var epoch = 0; epoch < epochs; epoch++)
{
    var trainLoss = RunEpoch();
    var valAcc = evaluate();
    history.Add((epoch, trainLoss, valAcc));
    Console.WriteLine($"{epoch,2}  loss {trainLoss:F4}  acc {valAcc:P1}");
}

// #!csharp  -- summary
var bestRow = history.MaxBy(h => h.acc);
Console.WriteLine($"best epoch {bestRow.epoch}: {bestRow.acc:P1}");
