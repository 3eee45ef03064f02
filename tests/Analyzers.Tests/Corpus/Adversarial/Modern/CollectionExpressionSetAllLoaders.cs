// Scenario: domain adaptation zips a shuffling source loader with a RandomSampler target loader (`foreach (var (src, tgt) in source.Zip(target))`); both are kept in a collection expression and every epoch a small loop sets the epoch on each of them — correct, nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Adaptation;

public static class DannTraining
{
    public static void Train(InMemoryDataset sourceSet, InMemoryDataset targetSet, int epochs)
    {
        using var source = new EpochDataLoader(sourceSet, batchSize: 64, shuffle: true, seed: 11);
        using var target = new EpochDataLoader(targetSet, batchSize: 64, sampler: new RandomSampler(targetSet.Count, seed: 12));
        EpochDataLoader[] loaders = [source, target];

        var features = Sequential(("fc1", Linear(100, 128)), ("act", ReLU()));
        var classifier = Linear(128, 6);
        var domainHead = Sequential(("fc", Linear(128, 32)), ("act", ReLU()), ("out", Linear(32, 1)));
        var optimizer = optim.Adam([.. features.parameters(), .. classifier.parameters(), .. domainHead.parameters()], lr: 1e-3);

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var loader in loaders) loader.SetEpoch(epoch);

            var lambda = 2.0 / (1.0 + Math.Exp(-10.0 * epoch / epochs)) - 1.0;
            foreach (var (src, tgt) in source.Zip(target))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();

                var fs = features.call(src["data"]);
                var ft = features.call(tgt["data"]);
                var taskLoss = functional.cross_entropy(classifier.call(fs), src["label"]);

                var domainLogits = domainHead.call(cat([fs, ft], 0)).squeeze(1);
                var domainLabels = cat([zeros(fs.shape[0]), ones(ft.shape[0])], 0);
                var domainLoss = functional.binary_cross_entropy_with_logits(domainLogits, domainLabels);

                var loss = taskLoss - lambda * domainLoss;
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: lambda {lambda:F3}");
        }
    }
}
