// Scenario: 5-fold cross-validation rebuilds a shuffling EpochDataLoader per fold but passes the fold index to SetEpoch inside the epoch loop, so every epoch of a fold replays one order; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.KFoldSetEpochWithFold;

public sealed record CvReport(int Fold, double BestAccuracy, int BestEpoch);

public static class CrossValidation
{
    public static IReadOnlyList<CvReport> Run(Tensor features, Tensor labels, int folds = 5, int epochs = 15, int batchSize = 32)
    {
        var reports = new List<CvReport>();
        long n = features.shape[0];
        var order = randperm(n, generator: new Generator(99));
        long foldSize = n / folds;

        for (int fold = 0; fold < folds; fold++)
        {
            var validIdx = order[(int)(fold * foldSize)..(int)((fold + 1) * foldSize)];
            var trainIdx = cat(new[] { order[..(int)(fold * foldSize)], order[(int)((fold + 1) * foldSize)..] });
            using var trainSet = Subset(features, labels, trainIdx);
            using var validSet = Subset(features, labels, validIdx);
            using var train = new EpochDataLoader(trainSet, batchSize, shuffle: true, seed: 2024);
            using var valid = new EpochDataLoader(validSet, 256);

            var model = nn.Sequential(nn.Linear(features.shape[1], 32), nn.GELU(), nn.Linear(32, 2));
            var optimizer = optim.Adam(model.parameters(), 5e-3);
            double best = 0;
            int bestEpoch = -1;

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                train.SetEpoch(fold); //! CMP004
                model.train();
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.call(batch["x"]), batch["y"]);
                    loss.backward();
                    optimizer.step();
                }

                double acc = Accuracy(model, valid);
                if (acc > best) (best, bestEpoch) = (acc, epoch);
                Console.WriteLine($"fold {fold} epoch {epoch}: acc {acc:P1}");
            }

            reports.Add(new CvReport(fold, best, bestEpoch));
        }

        Console.WriteLine($"mean best accuracy {reports.Average(r => r.BestAccuracy):P2}");
        return reports;
    }

    private static InMemoryDataset Subset(Tensor x, Tensor y, Tensor idx) =>
        new(new Dictionary<string, Tensor> { ["x"] = x.index_select(0, idx), ["y"] = y.index_select(0, idx) });

    private static double Accuracy(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        long hit = 0, total = 0;
        using var _ = no_grad();
        foreach (var batch in loader)
        {
            hit += model.call(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
            total += batch["y"].shape[0];
        }
        return total == 0 ? 0 : (double)hit / total;
    }
}
