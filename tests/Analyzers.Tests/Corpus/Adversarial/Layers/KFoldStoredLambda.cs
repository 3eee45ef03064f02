// Scenario: k-fold cross-validation stores the reshuffle helper in a lambda beginEpoch = e => Epochs.SetEpoch(train, e), but the epoch loop calls beginEpoch(fold), which only changes per fold — wrong, CMP004 at the setter inside the lambda
using Composer.Data;
using static TorchSharp.torch;

namespace Blind20.KFoldStoredLambda;

public static class CrossValidation
{
    public static double[] Run(InMemoryDataset[] foldTrain, InMemoryDataset[] foldVal, Func<nn.Module<Tensor, Tensor>> makeModel, int epochs)
    {
        var scores = new double[foldTrain.Length];
        for (int fold = 0; fold < foldTrain.Length; fold++)
        {
            var model = makeModel();
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
            using var train = new EpochDataLoader(foldTrain[fold], batchSize: 32,
                sampler: new RandomSampler(foldTrain[fold].Count, seed: 100));
            using var val = new EpochDataLoader(foldVal[fold], batchSize: 128);
            Action<int> beginEpoch = e => Epochs.SetEpoch(train, e); //! CMP004

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                beginEpoch(fold);
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }

            long correct = 0, total = 0;
            foreach (var batch in val)
            {
                correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                total += batch["label"].shape[0];
            }
            scores[fold] = total == 0 ? 0 : (double)correct / total;
        }
        return scores;
    }
}
