// Scenario: a loader built with `sampler:` only (its own BatchSampler wraps that sampler), and the epoch set via `((DistributedSampler)train.Sampler).SetEpoch(epoch)`; correct, no diagnostic.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp001SamplerOnlyLoaderCastIsFine;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1000, 10), ["label"] = randint(0, 10, 1000) });
        var ddp = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 5);
        using var train = new EpochDataLoader(data, batchSize: 32, sampler: ddp, dropLast: true);
        var model = nn.Linear(10, 10);
        var opt = optim.SGD(model.parameters(), learningRate: 0.1);

        for (int epoch = 0; epoch < 20; epoch++)
        {
            ((DistributedSampler)train.Sampler).SetEpoch(epoch);
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
                Dist.AllReduce(loss);
            }
        }
    }
}
