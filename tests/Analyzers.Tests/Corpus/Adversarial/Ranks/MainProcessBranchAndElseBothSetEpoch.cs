// Scenario: rank 0 sets the epoch inside its logging/timing branch and the `else` branch sets it for the other ranks, so every rank reshuffles — right
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

var localRank = int.Parse(Environment.GetEnvironmentVariable("LOCAL_RANK") ?? "0");
var isMainProcess = Dist.Rank == 0;

var images = new FashionMnist(train: true);
var sampler = new DistributedSampler(images.Count, seed: 1, dropLast: true);
using var loader = new EpochDataLoader(images, batchSize: 100, sampler: sampler, workers: 2);

var net = nn.Sequential(("flat", nn.Flatten()), ("l1", nn.Linear(784, 200)), ("act", nn.SiLU()), ("l2", nn.Linear(200, 10)));
using var reducer = new GradientAllReducer(net);
reducer.BroadcastParameters();
var opt = optim.RMSProp(net.parameters(), lr: 1e-3);
var ce = nn.CrossEntropyLoss();
var timer = new System.Diagnostics.Stopwatch();

for (int epoch = 0; epoch < 12; epoch++)
{
    if (isMainProcess)
    {
        timer.Restart();
        Console.WriteLine($"epoch {epoch} (local rank {localRank} of node 0 logging)");
        Epochs.SetEpoch(loader, epoch);
        Console.WriteLine($"  reshuffled in {timer.ElapsedMilliseconds} ms");
    }
    else
    {
        Epochs.SetEpoch(loader, epoch);
    }

    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        ce.forward(net.forward(batch["data"]), batch["label"]).backward();
        reducer.AverageGradients();
        opt.step();
    }

    if (isMainProcess) Console.WriteLine($"  epoch took {timer.Elapsed.TotalSeconds:F1} s");
}
