// Scenario: the same parallel 5-fold cross-validation as a `Parallel.For(0, folds, fold => …)` lambda, written right: each fold builds its own DistributedSampler loader and its epoch loop calls `shard.SetEpoch(epoch)`; the fold index only seeds the sampler, outside the epoch loop. Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam20.ParallelFoldsCorrectEpoch;

public static class Program
{
    public static void Main()
    {
        const int folds = 5, epochs = 6, n = 2000;
        var x = randn(n, 8);
        var y = randint(0, 2, new long[] { n });
        var scores = new double[folds];

        Parallel.For(0, folds, fold =>
        {
            var keep = torch.arange(n).remainder(folds).ne(fold).nonzero().squeeze(1);
            var held = torch.arange(n).remainder(folds).eq(fold).nonzero().squeeze(1);
            var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x.index_select(0, keep), ["y"] = y.index_select(0, keep) });
            var heldSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x.index_select(0, held), ["y"] = y.index_select(0, held) });
            var shard = new DistributedSampler(trainSet.Count, numReplicas: 1, rank: 0, seed: 100 + fold);
            using var train = new EpochDataLoader(trainSet, batchSize: 40, sampler: shard);
            using var heldOut = new EpochDataLoader(heldSet, batchSize: 400);
            var model = nn.Sequential(("fc1", nn.Linear(8, 16)), ("act", nn.ReLU()), ("fc2", nn.Linear(16, 2)));
            var optimizer = optim.Adam(model.parameters(), lr: 1e-2);

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                shard.SetEpoch(epoch);
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                    optimizer.step();
                }
            }

            using var noGrad = no_grad();
            scores[fold] = heldOut.Average(b => model.forward(b["x"]).argmax(1).eq(b["y"]).to_type(ScalarType.Float32).mean().item<float>());
        });

        Console.WriteLine($"cv accuracy {scores.Average():P2}");
    }
}
