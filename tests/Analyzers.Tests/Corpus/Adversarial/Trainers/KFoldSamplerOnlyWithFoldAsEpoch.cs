// Scenario: k-fold cross-validation builds a batch-sampler loader per fold and, inside the epoch loop, sets loader.Sampler's epoch to the fold number: two bugs on one call (sampler only, and an epoch that never changes); the auxiliary loader is handled right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace CrossValidation;

public static class KFold
{
    public static double[] Run(InMemoryDataset data, InMemoryDataset unlabeled, int folds, int epochs)
    {
        var scores = new double[folds];
        using var aux = new EpochDataLoader(unlabeled, batchSize: 64, shuffle: true, seed: 4);

        for (int fold = 0; fold < folds; fold++)
        {
            var order = new RandomSampler(data.Count, seed: fold);
            using var train = new EpochDataLoader(data, batchSampler: new BatchSampler(order, 32, dropLast: true));
            var model = nn.Sequential(nn.Linear(10, 20), nn.ReLU(), nn.Linear(20, 2));
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                if (train.Sampler is IEpochAware s) s.SetEpoch(fold); //! CMP001 CMP004
                Epochs.SetEpoch(aux, epoch);

                foreach (var (batch, extra) in train.Zip(aux))
                {
                    using var scope = NewDisposeScope();
                    var supervised = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    var entropy = -(model.forward(extra["data"]).softmax(1) * model.forward(extra["data"]).log_softmax(1)).sum(1).mean();
                    var loss = supervised + 0.1 * entropy;
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
            scores[fold] = Evaluate(model, data);
        }
        return scores;
    }

    static double Evaluate(nn.Module<Tensor, Tensor> model, InMemoryDataset data)
    {
        using var _ = no_grad();
        var logits = model.forward(data.Columns["data"]);
        return logits.argmax(1).eq(data.Columns["label"]).to_type(ScalarType.Float64).mean().item<double>();
    }
}
