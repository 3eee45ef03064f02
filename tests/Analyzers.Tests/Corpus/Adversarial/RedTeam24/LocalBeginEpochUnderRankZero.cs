// Scenario: a top-level DDP script wraps its per-epoch bookkeeping in a local function `BeginEpoch(epoch)` (prints, resets meters, sets the loader's epoch) and calls it only on rank 0: `if (Dist.Rank == 0) BeginEpoch(epoch);`. The other ranks never set the epoch. Wrong: CMP002 — a call to a local function in view that sets the epoch handles it only as that call does, and this call is in a branch that only some ranks take (the same call to a method of the class would be flagged).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

Dist.Initialize();
int epochs = 30;
var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["x"] = randn(8192, 20),
    ["y"] = randint(0, 2, 8192),
});

var sampler = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 77);
using var train = new EpochDataLoader(data, batchSize: 128, sampler: sampler);
var model = Sequential(Linear(20, 64), ReLU(), Linear(64, 2));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
double runningLoss = 0;
int seen = 0;

void BeginEpoch(int epoch)
{
    Console.WriteLine($"--- epoch {epoch} on {Dist.WorldSize} ranks ---");
    runningLoss = 0;
    seen = 0;
    train.SetEpoch(epoch);
}

for (int epoch = 0; epoch < epochs; epoch++)
{
    if (Dist.Rank == 0) BeginEpoch(epoch);

    foreach (var batch in train) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = functional.cross_entropy(model.call(batch["x"]), batch["y"]);
        loss.backward();
        foreach (var p in model.parameters())
            if (p.grad is { } g) Dist.AllReduce(g);
        optimizer.step();
        runningLoss += loss.item<float>();
        seen++;
    }

    if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: mean loss {runningLoss / Math.Max(seen, 1):F4}");
}
