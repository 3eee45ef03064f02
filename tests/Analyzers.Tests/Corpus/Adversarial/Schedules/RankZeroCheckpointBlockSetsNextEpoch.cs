// Scenario: data-parallel loop whose end-of-epoch block (checkpoint named after the epoch, LR log, train.SetEpoch(epoch + 1)) runs only under if (Dist.Rank == 0) — wrong (the other ranks never reshuffle)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
const int epochs = 20;

using var trainSet = new FashionMnist(train: true);
// shuffle: true shards with a DistributedSampler when there is more than one rank
using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 31);

torch.manual_seed(0);   // same initial weights on every rank
var model = nn.Sequential(
    ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 300)), ("tanh", nn.Tanh()), ("fc2", nn.Linear(300, 10)));
var optimizer = torch.optim.SGD(model.parameters(), 0.05, momentum: 0.9);
var scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: epochs, eta_min: 5e-4);
Directory.CreateDirectory("ckpt");

for (int epoch = 0; epoch < epochs; epoch++)
{
    model.train();
    float lastLoss = 0;
    foreach (var batch in train) //! CMP002
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        foreach (var p in model.parameters())
        {
            if (p.grad is not { } g) continue;
            Dist.AllReduce(g);
            g.div_(Dist.WorldSize);
        }
        optimizer.step();
        lastLoss = loss.item<float>();
    }
    scheduler.step();

    if (Dist.Rank == 0)
    {
        model.save(Path.Combine("ckpt", $"epoch_{epoch:D3}.bin"));
        Console.WriteLine($"epoch {epoch}: last loss {lastLoss:F4}, next lr {scheduler.get_last_lr().First():G3}");
        train.SetEpoch(epoch + 1);   // prepare the next epoch's order
    }
    Dist.Barrier();
}
