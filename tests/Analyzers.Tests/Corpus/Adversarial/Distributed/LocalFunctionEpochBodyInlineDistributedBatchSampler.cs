// Scenario: the loader is built from an inline BatchSampler over a DistributedSampler and iterated in a local function TrainOneEpoch() that the epoch loop calls; nobody sets the epoch (CMP002 on the foreach inside the local function).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
var data = new FashionMnist(train: true);
var loader = new EpochDataLoader(data,
    batchSampler: new BatchSampler(new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 1), 50, dropLast: true));

var model = nn.Sequential(
    ("c1", nn.Conv2d(1, 6, 5, padding: 2)), ("a1", nn.Tanh()), ("p1", nn.AvgPool2d(2)),
    ("c2", nn.Conv2d(6, 16, 5)), ("a2", nn.Tanh()), ("p2", nn.AvgPool2d(2)),
    ("flat", nn.Flatten()), ("f1", nn.Linear(16 * 5 * 5, 120)), ("a3", nn.Tanh()), ("f2", nn.Linear(120, 10)));
var opt = optim.SGD(model.parameters(), 0.01, momentum: 0.9);
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();

double TrainOneEpoch()
{
    double sum = 0;
    foreach (var batch in loader) //! CMP002
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        opt.step();
        sum += loss.item<float>();
    }
    return sum / loader.Count;
}

for (int epoch = 1; epoch <= 15; epoch++)
{
    var meanLoss = TrainOneEpoch();
    if (Dist.Rank == 0)
    {
        Console.WriteLine($"epoch {epoch}: {meanLoss:F4}");
        if (epoch % 5 == 0) model.save($"lenet-{epoch}.bin");
    }
}
