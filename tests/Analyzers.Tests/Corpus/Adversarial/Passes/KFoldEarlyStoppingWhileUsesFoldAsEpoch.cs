// Scenario: 5-fold cross-validation whose inner early-stopping while loop has no epoch counter; it passes the fold index to the sampler and the epoch count to the mixup schedule — wrong twice (neither changes across the while loop).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.KFoldEarlyStoppingWhileUsesFoldAsEpoch;

public sealed class MixupSchedule(double maxAlpha, int rampEpochs)
{
    public double Alpha { get; private set; }
    public void SetEpoch(int epoch) => Alpha = maxAlpha * Math.Min(1.0, epoch / (double)rampEpochs);
}

public static class Program
{
    public static void Main()
    {
        const int folds = 5, patience = 4, maxEpochs = 60;
        var x = randn(5_000, 24);
        var y = randint(0, 2, new long[] { 5_000 });
        var mixup = new MixupSchedule(0.4, rampEpochs: 10);

        for (int fold = 0; fold < folds; fold++)
        {
            var isVal = arange(5_000).remainder(folds).eq(fold);
            var trainIdx = nonzero(isVal.logical_not()).squeeze(1);
            var valIdx = nonzero(isVal).squeeze(1);
            using var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x.index_select(0, trainIdx), ["label"] = y.index_select(0, trainIdx) });
            using var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x.index_select(0, valIdx), ["label"] = y.index_select(0, valIdx) });

            var sampler = new RandomSampler(trainSet.Count, seed: 100 + fold);
            using var train = new EpochDataLoader(trainSet, batchSize: 64, sampler: sampler);
            using var val = new EpochDataLoader(valSet, batchSize: 256);
            var model = nn.Sequential(("fc1", nn.Linear(24, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 2)));
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

            double best = double.MaxValue;
            int bad = 0;
            while (bad < patience)
            {
                // new order and mixup strength for this epoch
                sampler.SetEpoch(fold); //! CMP004
                mixup.SetEpoch(maxEpochs); //! CMP004
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    var perm = randperm(batch["data"].shape[0]);
                    var lam = (float)mixup.Alpha;
                    var mixed = (1 - lam) * batch["data"] + lam * batch["data"].index_select(0, perm);
                    var logits = model.forward(mixed);
                    var loss = (1 - lam) * nn.functional.cross_entropy(logits, batch["label"])
                             + lam * nn.functional.cross_entropy(logits, batch["label"].index_select(0, perm));
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
                double valLoss = 0;
                using (no_grad())
                    foreach (var batch in val)
                        valLoss += nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).item<float>();
                if (valLoss < best) { best = valLoss; bad = 0; } else bad++;
            }
            Console.WriteLine($"fold {fold}: best {best:F4}");
        }
    }
}
