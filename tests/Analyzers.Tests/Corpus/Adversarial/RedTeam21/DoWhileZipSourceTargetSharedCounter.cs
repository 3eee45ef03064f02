// Scenario: domain adaptation in `do { … } while (gap > tolerance)` zips a shuffling source loader with a shuffling target loader and sets neither epoch: wrong - CMP002 twice. The loop has no counter: Fix All declares one before it and, as the page says, the loaders of one pass share it, so both should be told the same epoch on every pass.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.DoWhileZipSourceTargetSharedCounter;

public static class Program
{
    public static void Main()
    {
        var sourceSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(600, 9), ["label"] = randint(0, 3, 600) });
        var targetSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(600, 9) + 0.5 });
        using var source = new EpochDataLoader(sourceSet, batchSize: 50, shuffle: true, seed: 10);
        using var target = new EpochDataLoader(targetSet, batchSize: 50, sampler: new DistributedSampler(targetSet.Count, numReplicas: 1, rank: 0, seed: 10));
        var features = nn.Linear(9, 16);
        var head = nn.Linear(16, 3);
        var optimizer = optim.Adam(features.parameters().Concat(head.parameters()), lr: 1e-3);
        const double tolerance = 0.05;
        double gap;

        do
        {
            gap = 0;
            foreach (var (s, t) in source.Zip(target)) //! CMP002 CMP002
            {
                using var scope = NewDisposeScope();
                var fs = features.forward(s["data"]);
                var ft = features.forward(t["data"]);
                var mmd = (fs.mean([0]) - ft.mean([0])).pow(2).sum();
                var loss = nn.functional.cross_entropy(head.forward(fs), s["label"]) + mmd;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                gap = Math.Max(gap, mmd.item<float>());
            }
        } while (gap > tolerance);
    }
}
