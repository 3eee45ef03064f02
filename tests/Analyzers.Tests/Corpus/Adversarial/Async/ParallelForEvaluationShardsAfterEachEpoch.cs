// Scenario: after each training epoch (epoch set with train.SetEpoch), validation is split into shards evaluated concurrently with Parallel.For, each shard read through its own loader over an unshuffled DistributedSampler(shuffle: false); the shard loaders never need an epoch — right, no diagnostic.
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Apparel.Eval;

public static class ShardedValidation
{
    public static async Task RunAsync(int epochs, int evalShards, CancellationToken ct)
    {
        using var trainSet = new FashionMnist(train: true);
        using var valSet = new FashionMnist(train: false);
        using var train = new EpochDataLoader(trainSet, batchSize: 256, shuffle: true, seed: 4);

        using var model = nn.Sequential(
            ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 512)), ("relu", nn.ReLU()),
            ("drop", nn.Dropout(0.25)), ("fc2", nn.Linear(512, 10)));
        using var optimizer = optim.Adam(model.parameters(), 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            train.SetEpoch(epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            var trainTime = sw.Elapsed;

            // Evaluation: one loader per shard, all shards at once.
            model.eval();
            long correct = 0, seen = 0;
            var options = new ParallelOptions { MaxDegreeOfParallelism = evalShards, CancellationToken = ct };
            Parallel.For(0, evalShards, options, shard =>
            {
                using var guard = no_grad();
                var order = new DistributedSampler(valSet.Count, numReplicas: evalShards, rank: shard, shuffle: false);
                using var loader = new EpochDataLoader(valSet, batchSize: 500, sampler: order);
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    var hits = model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                    Interlocked.Add(ref correct, hits);
                    Interlocked.Add(ref seen, batch["label"].shape[0]);
                }
            });

            Console.WriteLine($"epoch {epoch}: train {trainTime.TotalSeconds:F1}s, val accuracy {correct / (double)seen:P2} ({sw.Elapsed.TotalSeconds:F1}s total)");
            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }
    }
}
