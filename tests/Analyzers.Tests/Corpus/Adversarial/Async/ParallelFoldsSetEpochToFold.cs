// Scenario: k-fold cross-validation runs the folds concurrently with Parallel.For; inside each fold's epoch loop the sampler is told `sampler.SetEpoch(fold)`, which changes per fold but never per epoch — wrong (CMP004).
using System.Collections.Concurrent;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Credit.CrossValidation;

public static class ParallelKFold
{
    public static IReadOnlyDictionary<int, double> Run(Tensor features, Tensor labels, int folds, int epochs, CancellationToken ct)
    {
        var scores = new ConcurrentDictionary<int, double>();
        long n = features.shape[0];
        long foldSize = n / folds;

        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Min(folds, Environment.ProcessorCount / 2), CancellationToken = ct };
        Parallel.For(0, folds, options, fold =>
        {
            using var scope = NewDisposeScope();
            var holdOut = arange(fold * foldSize, (fold + 1) * foldSize, dtype: ScalarType.Int64);
            var keep = cat(new[] { arange(0, fold * foldSize, dtype: ScalarType.Int64), arange((fold + 1) * foldSize, n, dtype: ScalarType.Int64) });

            using var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
            {
                ["x"] = features.index_select(0, keep),
                ["y"] = labels.index_select(0, keep),
            });
            var sampler = new RandomSampler(trainSet.Count, seed: 100 + fold);
            using var loader = new EpochDataLoader(trainSet, batchSize: 128, sampler: sampler);

            var model = nn.Sequential(("fc1", nn.Linear(features.shape[1], 32)), ("relu", nn.ReLU()), ("fc2", nn.Linear(32, 2)));
            var optimizer = optim.Adam(model.parameters(), 1e-3);

            for (int epoch = 0; epoch < epochs; epoch++)
            {
                sampler.SetEpoch(fold); //! CMP004
                foreach (var batch in loader)
                {
                    using var step = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                    loss.backward();
                    optimizer.step();
                }
            }

            using (no_grad())
            {
                model.eval();
                var predicted = model.forward(features.index_select(0, holdOut)).argmax(1);
                scores[fold] = predicted.eq(labels.index_select(0, holdOut)).to_type(ScalarType.Float32).mean().item<float>();
            }
        });

        return scores;
    }
}
