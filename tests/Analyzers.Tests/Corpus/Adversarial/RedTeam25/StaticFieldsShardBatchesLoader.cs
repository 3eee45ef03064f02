// Scenario: a console program keeps its data pipeline in static readonly fields: `Shard`, `Batches = new(Shard, 32)` and `Train = new(Data, batchSampler: Batches)`, and its epoch loop sets `Shard.SetEpoch(epoch)`. Correct: the README follows a loader's parts "through the values in view of a local, field or property, two levels deep", and a field's initializer is in view: `Shard` is the sampler inside `Train`'s batch sampler. Nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.StaticFieldsShardBatchesLoader;

internal static class Pipeline
{
    private static readonly InMemoryDataset Data = new(new Dictionary<string, Tensor>
    {
        ["x"] = randn(4096, 20),
        ["y"] = randint(0, 3, 4096),
    });
    private static readonly DistributedSampler Shard = new(Data.Count, Dist.WorldSize, Dist.Rank, seed: 42);
    private static readonly BatchSampler Batches = new(Shard, 32, dropLast: true);
    private static readonly EpochDataLoader Train = new(Data, batchSampler: Batches);

    public static void Run(int epochs)
    {
        Dist.Initialize();
        var model = Sequential(("fc1", Linear(20, 64)), ("act", ReLU()), ("fc2", Linear(64, 3)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Shard.SetEpoch(epoch);
            model.train();
            double total = 0;
            foreach (var batch in Train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["x"]), batch["y"]);
                loss.backward();
                foreach (var p in model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
                total += loss.item<float>();
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: {total:F3}");
        }
    }
}
