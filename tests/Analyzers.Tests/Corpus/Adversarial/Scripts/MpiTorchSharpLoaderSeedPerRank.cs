// Scenario: data-parallel script on TorchSharp's DataLoader with shuffle: true and seed 42 + rank, built once; Epochs.SetEpoch in the loop cannot change its order; a bug (CMP003); the eval loader with shuffle: false is fine.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

Dist.Initialize();
var rank = Dist.Rank;
var world = Dist.WorldSize;

// each rank reads its own pre-split shard from disk
var shardX = randn(5_000, 60);
var shardY = randint(0, 2, new long[] { 5_000 });
var shard = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = shardX, ["label"] = shardY });
var evalSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1_000, 60), ["label"] = randint(0, 2, new long[] { 1_000 }) });

using var train = new DataLoader(shard, 128, shuffle: true, seed: 42 + rank); //! CMP003
using var evalLoader = new DataLoader(evalSet, 500, shuffle: false, seed: 42);

var model = nn.Sequential(nn.Linear(60, 120), nn.ReLU(), nn.Linear(120, 2));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var opt = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < 15; epoch++)
{
    Epochs.SetEpoch(train, epoch);
    foreach (var batch in train)
    {
        opt.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        opt.step();
    }

    if (rank != 0) continue;
    long hit = 0;
    using (no_grad())
        foreach (var batch in evalLoader)
            hit += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().ToInt64();
    Console.WriteLine($"[rank 0/{world}] epoch {epoch}: {(double)hit / evalSet.Count:P1}");
}
