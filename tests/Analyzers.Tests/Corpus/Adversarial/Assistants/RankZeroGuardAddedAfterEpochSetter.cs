// Scenario: the user added rank checks to the assistant's DDP loop — `if (Dist.Rank == 0)` around the progress print and `if (Dist.Rank != 0) continue;` before rank 0's validation and checkpoint — while `train_loader.SetEpoch(epoch)` stays at the top of the pass, run by every rank (right, no diagnostic).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
var rank = Dist.Rank;
var num_epochs = 12;

using var train_set = new FashionMnist(train: true);
using var val_set = new FashionMnist(train: false);
// shuffle: true -> a DistributedSampler per rank under mpirun
using var train_loader = new EpochDataLoader(train_set, batchSize: 64, shuffle: true, seed: 7, dropLast: true);
using var val_loader = new EpochDataLoader(val_set, batchSize: 1000);

var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var optimizer = optim.Adam(model.parameters(), 1e-3);
Directory.CreateDirectory("checkpoints");

for (var epoch = 0; epoch < num_epochs; epoch++)
{
    // every rank: new shard order for this epoch
    train_loader.SetEpoch(epoch);

    if (rank == 0)
        Console.WriteLine($"Epoch {epoch + 1}/{num_epochs}");

    model.train();
    foreach (var batch in train_loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
    }

    // ---- added: only rank 0 validates and writes checkpoints ----
    if (Dist.Rank != 0) continue;

    model.eval();
    long correct = 0;
    using (no_grad())
    {
        foreach (var batch in val_loader)
        {
            using var scope = NewDisposeScope();
            correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        }
    }
    Console.WriteLine($"  val accuracy: {(double)correct / val_set.Count:P2}");
    model.save(Path.Combine("checkpoints", $"epoch_{epoch:D3}.dat"));
}
