// Scenario: torchrun-style script reads RANK/WORLD_SIZE from the environment and reshuffles for the next epoch in the rank-0 tail after `if (!isMain) continue;`, so the other ranks never reshuffle — wrong (CMP002 on the batch loop)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

int rank = int.Parse(Environment.GetEnvironmentVariable("RANK") ?? "0");
int worldSize = int.Parse(Environment.GetEnvironmentVariable("WORLD_SIZE") ?? "1");
bool isMain = rank == 0;
int epochs = args.Length > 0 ? int.Parse(args[0]) : 20;

// tabular features exported by the feature pipeline: 64 floats per row, 5 classes
var features = randn(50_000, 64);
var labels = randint(0, 5, new long[] { 50_000 });
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = features, ["label"] = labels });
var holdout = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(5_000, 64), ["label"] = randint(0, 5, new long[] { 5_000 }) });

var shard = new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: 13);
using var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64, dropLast: true));
using var val = new EpochDataLoader(holdout, batchSize: 1024);

var model = nn.Sequential(
    ("in", nn.Linear(64, 128)),
    ("act", nn.GELU()),
    ("drop", nn.Dropout(0.1)),
    ("out", nn.Linear(128, 5)));
using var allReduce = new GradientAllReducer(model);
allReduce.BroadcastParameters();
var opt = optim.AdamW(model.parameters(), lr: 3e-4);
var criterion = nn.CrossEntropyLoss();
double best = 0;

for (int epoch = 0; epoch < epochs; epoch++)
{
    model.train();
    foreach (var batch in train) //! CMP002
    {
        using var _ = NewDisposeScope();
        opt.zero_grad();
        criterion.forward(model.forward(batch["data"]), batch["label"]).backward();
        allReduce.AverageGradients();
        opt.step();
    }

    Dist.Barrier();
    if (!isMain) continue;

    // ---- rank 0 only from here: validation, checkpoint, next epoch ----
    model.eval();
    long hits = 0;
    using (no_grad())
        foreach (var batch in val)
            hits += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    double acc = (double)hits / holdout.Count;
    Console.WriteLine($"epoch {epoch}: val acc {acc:P2}");
    if (acc > best)
    {
        best = acc;
        model.save("best.bin");
    }

    Epochs.SetEpoch(train, epoch + 1);   // get the next epoch's order ready
}
