// Scenario: an Accelerate-style Prepare() returns a positional record that is deconstructed; the loop sets the epoch on the train loader's BatchSampler through `as IEpochAware` and `?.`, which forwards to its sampler (correct).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PortedAccelerate.Prepare;

public sealed record Prepared(Sequential Model, optim.Optimizer Optimizer, EpochDataLoader Train, EpochDataLoader Eval);

public sealed class Accelerator
{
    public Prepared Prepare(Sequential model, optim.Optimizer optimizer, InMemoryDataset train, InMemoryDataset eval, int batchSize)
    {
        var trainLoader = new EpochDataLoader(train, batchSampler: new BatchSampler(new DistributedSampler(train.Count, Dist.WorldSize, Dist.Rank, seed: 42), batchSize));
        var evalLoader = new EpochDataLoader(eval, batchSize: batchSize, sampler: new DistributedSampler(eval.Count, Dist.WorldSize, Dist.Rank, shuffle: false));
        return new Prepared(model, optimizer, trainLoader, evalLoader);
    }
}

public static class Script
{
    public static void Run(InMemoryDataset trainSet, InMemoryDataset evalSet)
    {
        var net = nn.Sequential(("fc1", nn.Linear(64, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 2)));
        var accelerator = new Accelerator();
        var (model, optimizer, train, eval) = accelerator.Prepare(net, optim.Adam(net.parameters(), lr: 1e-3), trainSet, evalSet, batchSize: 32);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            (train.BatchSampler as IEpochAware)?.SetEpoch(epoch);
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }

            using (torch.no_grad())
            {
                double total = 0;
                foreach (var batch in eval)
                    total += nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).item<float>();
                Console.WriteLine($"epoch {epoch}: eval loss {total / eval.Count:F4}");
            }
        }
    }
}
