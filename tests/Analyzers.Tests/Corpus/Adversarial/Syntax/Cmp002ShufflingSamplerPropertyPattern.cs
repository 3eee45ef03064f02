// Scenario: a loader built with `sampler:` only; the loop reshuffles it with `if (train.Sampler is DistributedSampler { Shuffle: true } ds) ds.SetEpoch(epoch);` (no batch sampler, so the sampler is the right target); correct, no diagnostic.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002ShufflingSamplerPropertyPattern;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(4000, 32), ["label"] = randint(0, 10, 4000) });
        using var train = new EpochDataLoader(data, batchSize: 64,
            sampler: new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, shuffle: true, seed: 17));
        var model = nn.Linear(32, 10);
        var opt = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9);

        for (int epoch = 0; epoch < 30; epoch++)
        {
            if (train.Sampler is DistributedSampler { Shuffle: true } ds)
                ds.SetEpoch(epoch);
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                Dist.AllReduce(loss);
                opt.step();
            }
        }
    }
}
