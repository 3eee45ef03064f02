// Scenario: k-fold cross-validation; each fold builds its loaders, and inside the epoch loop the user passes the fold index to SetEpoch — it changes per fold, not per epoch (wrong). CMP004: "another loop's variable (k-fold)". The eval loader does not shuffle and is not set (fine).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.KFoldSetEpochFold;

public sealed record CvConfig(int Folds = 5, int Epochs = 10, int Seed = 123);

public static class CrossValidation
{
    public static double[] Run(InMemoryDataset data, CvConfig cfg)
    {
        var scores = new double[cfg.Folds];
        for (int fold = 0; fold < cfg.Folds; fold++)
        {
            var (trainSet, valSet) = Split(data, fold, cfg.Folds);
            using var train = new EpochDataLoader(trainSet, batchSize: 32, sampler: new RandomSampler(trainSet.Count, seed: cfg.Seed + fold));
            using var val = new EpochDataLoader(valSet, batchSize: 256);

            for (int epoch = 0; epoch < cfg.Epochs; epoch++)
            {
                train.SetEpoch(fold); //! CMP004
                foreach (var batch in train)
                    _ = batch["data"].sum();
                double correct = 0;
                foreach (var batch in val)
                    correct += batch["label"].shape[0];
                scores[fold] = correct / valSet.Count;
            }
        }
        return scores;
    }

    private static (InMemoryDataset Train, InMemoryDataset Val) Split(InMemoryDataset data, int fold, int folds)
    {
        var all = Enumerable.Range(0, (int)data.Count).Select(i => (long)i).ToArray();
        var valIdx = all.Where(i => i % folds == fold).ToArray();
        var trainIdx = all.Where(i => i % folds != fold).ToArray();
        return (Subset(data, trainIdx), Subset(data, valIdx));
    }

    private static InMemoryDataset Subset(InMemoryDataset data, long[] indices)
    {
        using var index = torch.tensor(indices);
        return new InMemoryDataset(data.Columns.ToDictionary(kv => kv.Key, kv => kv.Value.index_select(0, index)));
    }
}
