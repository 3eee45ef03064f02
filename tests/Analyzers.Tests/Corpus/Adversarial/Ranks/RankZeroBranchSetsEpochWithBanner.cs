// Scenario: DDP script sets the train loader's epoch inside the `if (Dist.Rank == 0)` block that prints the epoch banner, so only rank 0 reshuffles its shard — wrong (CMP002 on the batch loop)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
var train = new FashionMnist(train: true);
var test = new FashionMnist(train: false);

// every rank gets its own shard of the training set
var shard = new DistributedSampler(train.Count, seed: 2024, dropLast: true);
using var trainLoader = new EpochDataLoader(train, batchSize: 128, sampler: shard, dropLast: true);
using var testLoader = new EpochDataLoader(test, batchSize: 512);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(28 * 28, 256)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, 10)));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
var lossFn = nn.CrossEntropyLoss();

const int epochs = 10;
for (int epoch = 0; epoch < epochs; epoch++)
{
    if (Dist.Rank == 0)
    {
        Console.WriteLine($"=== epoch {epoch + 1}/{epochs} on {Dist.WorldSize} ranks ===");
        trainLoader.SetEpoch(epoch);
    }

    model.train();
    double running = 0;
    int steps = 0;
    foreach (var batch in trainLoader) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = lossFn.forward(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
        running += loss.item<float>();
        steps++;
    }

    if (Dist.Rank == 0)
        Console.WriteLine($"train loss {running / Math.Max(1, steps):F4}");
}

// final test accuracy, rank 0 only
if (Dist.Rank == 0)
{
    model.eval();
    long correct = 0, seen = 0;
    using (no_grad())
    {
        foreach (var batch in testLoader)
        {
            var pred = model.forward(batch["data"]).argmax(1);
            correct += pred.eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
    }
    Console.WriteLine($"test accuracy {(double)correct / seen:P2}");
}
Dist.Barrier();
