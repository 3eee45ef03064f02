// Scenario: an MPI training script written cell by cell prints one batch with train.Take(1) as a sanity check, trains with shard.SetEpoch(epoch) on the DistributedSampler the loader was built from, then evaluates once with a shuffle: false DistributedSampler (right: nothing flagged).
using Composer.Data;
using Composer.Distributed;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using HeldOut3.Styles.NotebookMpiScriptShardThenEval;

// %% [1] process group
Dist.Initialize();
Reproducibility.SeedAll(7);
int rank = Dist.Rank, world = Dist.WorldSize;
Log.Rank0($"world size {world}");

// %% [2] data + loaders
var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);
var shard = new DistributedSampler(trainSet.Count, world, rank, seed: 7);
var train = new EpochDataLoader(trainSet, batchSize: 128, sampler: shard, dropLast: true, prefetch: true);

// %% [3] sanity check: one batch
foreach (var b in train.Take(1))
    Log.Rank0($"data {string.Join('x', b["data"].shape)}, labels {b["label"][..8].str()}");

// %% [4] model + train
var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 300), nn.ReLU(), nn.Linear(300, 10));
var opt = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
var epochs = args.Length > 0 ? int.Parse(args[0]) : 5;
for (var epoch = 0; epoch < epochs; epoch++)
{
    shard.SetEpoch(epoch);
    model.train();
    double total = 0;
    foreach (var batch in train)
    {
        opt.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        foreach (var p in model.parameters())
            if (p.grad is { } g) { Dist.AllReduce(g); g.div_(world); }
        opt.step();
        total += loss.item<float>();
    }
    Log.Rank0($"epoch {epoch}: {total / train.Count:F4}");
}

// %% [5] evaluate on every test sample exactly once
var test = new EpochDataLoader(testSet, batchSize: 1000, sampler: new DistributedSampler(testSet.Count, world, rank, shuffle: false));
model.eval();
long correct = 0, seen = 0;
using (no_grad())
{
    foreach (var batch in test)
    {
        correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        seen += batch["label"].shape[0];
    }
}
using var counts = tensor(new[] { correct, seen });
Dist.AllReduce(counts);
Log.Rank0($"test accuracy {(double)counts[0].item<long>() / counts[1].item<long>():P2}");
Dist.Barrier();

namespace HeldOut3.Styles.NotebookMpiScriptShardThenEval
{
    internal static class Log
    {
        public static void Rank0(string message)
        {
            if (Dist.Rank == 0) Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
        }
    }
}
