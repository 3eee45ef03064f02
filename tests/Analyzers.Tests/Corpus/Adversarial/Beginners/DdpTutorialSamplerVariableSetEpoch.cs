// Scenario: beginner follows the PyTorch DDP tutorial: `var trainSampler = new DistributedSampler(...)`, loader with `sampler: trainSampler` and `batchSize: 32`, and `trainSampler.SetEpoch(epoch)` on every rank each epoch (only the printing is rank 0): right, no diagnostic
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

Dist.Initialize();
var rank = Dist.Rank;
var worldSize = Dist.WorldSize;

var dataset = new FashionMnist();
var trainSampler = new DistributedSampler(dataset.Count, numReplicas: worldSize, rank: rank, shuffle: true, seed: 0);
var trainLoader = new EpochDataLoader(dataset, batchSize: 32, sampler: trainSampler);

var model = Sequential(
    ("flatten", Flatten()),
    ("net1", Linear(784, 100)),
    ("relu", ReLU()),
    ("net2", Linear(100, 10)));
foreach (var p in model.parameters())
    Dist.Broadcast(p);

var lossFn = CrossEntropyLoss();
var optimizer = torch.optim.SGD(model.parameters(), 0.001);

for (var epoch = 0; epoch < 10; epoch++)
{
    // python: train_sampler.set_epoch(epoch)
    trainSampler.SetEpoch(epoch);

    var running = 0.0;
    var steps = 0;
    foreach (var batch in trainLoader)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var outputs = model.forward(batch["data"]);
        var loss = lossFn.forward(outputs, batch["label"]);
        loss.backward();
        foreach (var p in model.parameters())
        {
            Dist.AllReduce(p.grad!);
            p.grad!.div_(worldSize);
        }
        optimizer.step();
        running += loss.item<float>();
        steps++;
    }

    if (rank == 0)
        Console.WriteLine($"[rank {rank}] epoch {epoch} loss {running / steps:F4}");
}

Dist.Barrier();
if (rank == 0)
    model.save("ddp.bin");
