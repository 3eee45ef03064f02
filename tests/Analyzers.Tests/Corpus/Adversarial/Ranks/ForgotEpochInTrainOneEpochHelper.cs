// Scenario: gradient-accumulation DDP program whose epoch loop calls a TrainOneEpoch local function over a shuffling DistributedSampler loader and never sets its epoch on any rank — wrong (CMP002 at the loader argument of the call)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var rank = Dist.Rank;
var isMainProcess = rank == 0;
const int accumulation = 4;
const int evalEvery = 5;
const int epochs = 30;

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);

var trainSampler = new DistributedSampler(trainSet.Count, numReplicas: Dist.WorldSize, rank: rank, seed: 7);
using var train = new EpochDataLoader(trainSet, batchSize: 32, sampler: trainSampler);
using var eval = new EpochDataLoader(testSet, batchSize: 256);

var net = nn.Sequential(
    ("conv", nn.Conv2d(1, 16, 3, padding: 1)),
    ("relu", nn.ReLU()),
    ("pool", nn.MaxPool2d(2)),
    ("flat", nn.Flatten()),
    ("head", nn.Linear(16 * 14 * 14, 10)));
using var grads = new GradientAllReducer(net);
grads.BroadcastParameters();
var optimizer = optim.Adam(net.parameters(), lr: 1e-3);
var lossFn = nn.CrossEntropyLoss();

for (int epoch = 0; epoch < epochs; epoch++)
{
    var loss = TrainOneEpoch(net, train, optimizer); //! CMP002
    if (isMainProcess) Console.WriteLine($"[epoch {epoch}] loss {loss:F4}");

    if ((epoch + 1) % evalEvery == 0 && isMainProcess)
        Console.WriteLine($"[epoch {epoch}] test acc {Evaluate(net, eval):P2}");
    Dist.Barrier();
}

double TrainOneEpoch(Sequential model, EpochDataLoader loader, optim.Optimizer opt)
{
    model.train();
    double total = 0;
    int micro = 0;
    opt.zero_grad();
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        var loss = lossFn.forward(model.forward(batch["data"]), batch["label"]) / accumulation;
        loss.backward();
        total += loss.item<float>() * accumulation;
        if (++micro % accumulation == 0)
        {
            grads.AverageGradients();
            opt.step();
            opt.zero_grad();
        }
    }
    return total / Math.Max(1, micro);
}

double Evaluate(Sequential model, EpochDataLoader loader)
{
    model.eval();
    long correct = 0, total = 0;
    using var _ = no_grad();
    foreach (var batch in loader)
    {
        correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        total += batch["label"].shape[0];
    }
    return (double)correct / total;
}
