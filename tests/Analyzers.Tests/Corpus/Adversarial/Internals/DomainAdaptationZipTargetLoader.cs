// Scenario: domain adaptation (DANN-style) pairs source and target batches with `src.Loader.Zip(tgt.Loader)`; only the source loader's epoch is set. Wrong: CMP002 on the target loader (relabelled 2026-12-06, when the same member of two objects each made by its own creation became two variables; it was a documented limit with no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.DomainAdaptationZipTargetLoader;

public sealed class Domain : IDisposable
{
    public Domain(string name, InMemoryDataset data, int batchSize, int seed)
    {
        Name = name;
        Loader = new EpochDataLoader(data, batchSize: batchSize, shuffle: true, dropLast: true, seed: seed);
    }

    public string Name { get; }
    public EpochDataLoader Loader { get; }

    public void Dispose() => Loader.Dispose();
}

public static class DannTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> features, nn.Module<Tensor, Tensor> classifier, nn.Module<Tensor, Tensor> discriminator,
                           InMemoryDataset sourceData, InMemoryDataset targetData, int epochs)
    {
        using var src = new Domain("mnist", sourceData, 64, seed: 1);
        using var tgt = new Domain("mnist-m", targetData, 64, seed: 2);
        var parameters = features.parameters().Concat(classifier.parameters()).Concat(discriminator.parameters());
        var optimizer = optim.Adam(parameters, 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            src.Loader.SetEpoch(epoch);
            double alpha = 2.0 / (1.0 + Math.Exp(-10.0 * epoch / epochs)) - 1.0;
            foreach (var (s, t) in src.Loader.Zip(tgt.Loader)) //! CMP002
            {
                optimizer.zero_grad();
                using var fs = features.forward(s["image"]);
                using var ft = features.forward(t["image"]);
                using var classLoss = nn.functional.cross_entropy(classifier.forward(fs), s["label"]);
                using var domainLogits = discriminator.forward(cat(new[] { fs, ft }, 0));
                using var domainLabels = cat(new[] { zeros(fs.shape[0], dtype: ScalarType.Int64), ones(ft.shape[0], dtype: ScalarType.Int64) }, 0);
                using var domainLoss = nn.functional.cross_entropy(domainLogits, domainLabels);
                using var loss = classLoss - alpha * domainLoss;
                loss.backward();
                optimizer.step();
            }
        }
    }
}
