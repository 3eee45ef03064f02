// Scenario: a domain-adaptation (DANN) loop zips a shuffled source loader with a batch-sampler target loader and sets both epochs through a generic helper SetAll<T>(IEnumerable<T>, int) where T : IEpochAware, given an array of the two loaders (correct).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DomainAdaptation;

public static class Dann
{
    private static void SetAll<T>(IEnumerable<T> items, int epoch) where T : IEpochAware
    {
        foreach (var item in items)
            item.SetEpoch(epoch);
    }

    public static void Train(InMemoryDataset source, InMemoryDataset target, int epochs)
    {
        using var src = new EpochDataLoader(source, batchSize: 32, shuffle: true, seed: 1);
        using var tgt = new EpochDataLoader(target, batchSampler: new BatchSampler(new RandomSampler(target.Count, seed: 2), 32, dropLast: true));

        Sequential features = nn.Sequential(("fc1", nn.Linear(256, 128)), ("relu", nn.ReLU()));
        Linear classifier = nn.Linear(128, 10);
        Sequential domain = nn.Sequential(("fc", nn.Linear(128, 64)), ("relu", nn.ReLU()), ("out", nn.Linear(64, 1)));
        var optimizer = optim.Adam(features.parameters().Concat(classifier.parameters()).Concat(domain.parameters()), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            SetAll(new[] { src, tgt }, epoch);
            foreach (var (s, t) in src.Zip(tgt))
            {
                optimizer.zero_grad();
                using var fs = features.call(s["data"]);
                using var ft = features.call(t["data"]);
                using var clsLoss = nn.functional.cross_entropy(classifier.call(fs), s["label"]);
                using var dom = domain.call(torch.cat(new[] { fs, ft }, 0)).squeeze(1);
                using var domLabels = torch.cat(new[] { torch.zeros(fs.shape[0]), torch.ones(ft.shape[0]) }, 0);
                using var domLoss = nn.functional.binary_cross_entropy_with_logits(dom, domLabels);
                using var loss = clsLoss + 0.1 * domLoss;
                loss.backward();
                optimizer.step();
            }
        }
    }
}
