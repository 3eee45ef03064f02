// Scenario: a notebook steps a sharded loader by hand with GetEnumerator()/MoveNext() to time each batch and calls Epochs.SetEpoch(train, epoch) inside the while loop at step 0, after the enumeration began, so each epoch uses the previous epoch's order (wrong: CMP005); the eval loader's pass is right.
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

// %% [1] pretend we are rank 1 of 4
const int world = 4, rank = 1;
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(8000, 20), ["y"] = randn(8000, 1) });
var evalSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(800, 20), ["y"] = randn(800, 1) });

// %% [2] shard + batches
var shard = new DistributedSampler(data.Count, numReplicas: world, rank: rank, seed: 5);
var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 50, dropLast: true));
var eval = new EpochDataLoader(evalSet, batchSize: 200, sampler: new DistributedSampler(evalSet.Count, world, rank, shuffle: false));
Console.WriteLine($"rank {rank}: {train.Count} train batches, {eval.Count} eval batches");

// %% [3] model
var model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 1));
var opt = optim.Adam(model.parameters(), lr: 1e-3);
var timer = new Stopwatch();

// %% [4] train, timing every batch
const int epochs = 4;
for (int epoch = 0; epoch < epochs; epoch++)
{
    var times = new List<double>();
    using var it = train.GetEnumerator();
    long step = 0;
    while (it.MoveNext())
    {
        if (step == 0) Epochs.SetEpoch(train, epoch); //! CMP005
        timer.Restart();
        var batch = it.Current;
        opt.zero_grad();
        using var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
        loss.backward();
        opt.step();
        times.Add(timer.Elapsed.TotalMilliseconds);
        step++;
    }
    Console.WriteLine($"epoch {epoch}: {step} steps, median {times.Order().ElementAtOrDefault(times.Count / 2):F2} ms");

    // %% [5] eval (same cell in the notebook)
    using (no_grad())
    {
        var mse = eval.Select(b => nn.functional.mse_loss(model.forward(b["x"]), b["y"]).item<float>()).Average();
        Console.WriteLine($"  eval mse {mse:F4}");
    }
}
