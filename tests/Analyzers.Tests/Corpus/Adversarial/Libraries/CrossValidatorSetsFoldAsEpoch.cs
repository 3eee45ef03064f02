// Scenario: a library's k-fold CrossValidator builds a shuffled loader per fold and calls SetEpoch(fold) inside the epoch loop, so the epochs of a fold share one order (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace CvKit;

/// <summary>k-fold cross-validation for small tabular classifiers.</summary>
public sealed class CrossValidator
{
    private readonly Func<nn.Module<Tensor, Tensor>> _modelFactory;

    public CrossValidator(Func<nn.Module<Tensor, Tensor>> modelFactory) => _modelFactory = modelFactory;

    public int Folds { get; init; } = 5;
    public int EpochsPerFold { get; init; } = 20;
    public int BatchSize { get; init; } = 32;

    /// <summary>Returns the validation accuracy of each fold.</summary>
    public IReadOnlyList<double> Run(Tensor features, Tensor labels)
    {
        var scores = new List<double>();
        long n = features.shape[0];
        long foldSize = n / Folds;
        for (int fold = 0; fold < Folds; fold++)
        {
            var valIdx = arange(fold * foldSize, (fold + 1) * foldSize, dtype: int64);
            var trainIdx = cat(new[] { arange(0, fold * foldSize, dtype: int64), arange((fold + 1) * foldSize, n, dtype: int64) });
            using var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
            {
                ["data"] = features.index_select(0, trainIdx),
                ["label"] = labels.index_select(0, trainIdx),
            });
            using var train = new EpochDataLoader(trainSet, BatchSize, shuffle: true, seed: 31);

            var model = _modelFactory();
            using var optimizer = optim.Adam(model.parameters(), 3e-3);
            for (int epoch = 0; epoch < EpochsPerFold; epoch++)
            {
                train.SetEpoch(fold); //! CMP004
                model.train();
                foreach (var batch in train)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
                    optimizer.step();
                }
            }

            model.eval();
            using (no_grad())
            {
                var predicted = model.call(features.index_select(0, valIdx)).argmax(1);
                scores.Add(predicted.eq(labels.index_select(0, valIdx)).to_type(float32).mean().item<float>());
            }
        }
        return scores;
    }
}
