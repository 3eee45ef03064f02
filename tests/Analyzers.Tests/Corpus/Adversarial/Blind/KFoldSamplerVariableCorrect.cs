// Scenario: stratified-ish k-fold training builds a RandomSampler per fold (seeded from the fold) and sets that sampler variable's epoch inside each fold's epoch loop; correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.KFoldSamplerVariableCorrect;

public sealed record FoldResult(int Fold, double ValidLoss, double ValidAuc);

public sealed class KFoldRunner(int folds = 5, int epochs = 12, int batchSize = 64, double lr = 1e-3)
{
    public List<FoldResult> Run(Tensor x, Tensor y)
    {
        var results = new List<FoldResult>();
        long n = x.shape[0];
        var assignment = arange(n).remainder(folds)[randperm(n, generator: new Generator(5))];

        for (int fold = 0; fold < folds; fold++)
        {
            using var foldScope = NewDisposeScope();
            var isValid = assignment.eq(fold);
            var trainIdx = isValid.logical_not().nonzero().squeeze(1);
            var validIdx = isValid.nonzero().squeeze(1);
            using var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x.index_select(0, trainIdx), ["y"] = y.index_select(0, trainIdx) });
            using var validSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x.index_select(0, validIdx), ["y"] = y.index_select(0, validIdx) });

            var sampler = new RandomSampler(trainSet.Count, seed: 100 + fold);
            using var train = new EpochDataLoader(trainSet, batchSize, shuffle: false, sampler: sampler);
            using var valid = new EpochDataLoader(validSet, 512);

            var model = nn.Sequential(nn.Linear(x.shape[1], 64), nn.ReLU(), nn.Linear(64, 1));
            var optimizer = optim.Adam(model.parameters(), lr);
            double bestLoss = double.MaxValue;

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                sampler.SetEpoch(epoch);
                model.train();
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.binary_cross_entropy_with_logits(model.call(batch["x"]).squeeze(1), batch["y"]);
                    loss.backward();
                    optimizer.step();
                }

                model.eval();
                using var noGrad = no_grad();
                var scores = new List<Tensor>();
                var labels = new List<Tensor>();
                foreach (var batch in valid)
                {
                    scores.Add(model.call(batch["x"]).squeeze(1));
                    labels.Add(batch["y"]);
                }
                var s = cat(scores);
                var t = cat(labels);
                bestLoss = Math.Min(bestLoss, nn.functional.binary_cross_entropy_with_logits(s, t).item<float>());
                if (epoch == epochs - 1) results.Add(new FoldResult(fold, bestLoss, Auc(s, t)));
            }
            Console.WriteLine($"fold {fold}: best valid loss {bestLoss:F4}");
        }
        return results;
    }

    private static double Auc(Tensor scores, Tensor labels)
    {
        var order = scores.argsort(descending: true);
        var sorted = labels[order];
        var tps = sorted.cumsum(0);
        double pos = sorted.sum().item<float>(), neg = sorted.shape[0] - pos;
        if (pos == 0 || neg == 0) return 0.5;
        return (tps * (1 - sorted)).sum().item<float>() / (pos * neg);
    }
}
