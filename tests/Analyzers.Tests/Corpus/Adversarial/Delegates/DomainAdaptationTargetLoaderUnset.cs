// Scenario: DANN-style domain adaptation takes two Domain parameters; it sets src.Loader's epoch but not tgt.Loader's, and zips them, so the target domain replays one order every epoch (wrong for tgt.Loader only).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.DomainAdaptationTargetLoaderUnset;

public sealed class Domain
{
    public string Name { get; }
    public EpochDataLoader Loader { get; }

    public Domain(string name, InMemoryDataset data, int seed)
    {
        Name = name;
        Loader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: seed, dropLast: true);
    }
}

public static class DannTraining
{
    public static void Train(
        nn.Module<Tensor, Tensor> features,
        nn.Module<Tensor, Tensor> classifier,
        nn.Module<Tensor, Tensor> discriminator,
        Domain src,
        Domain tgt,
        int epochs)
    {
        var all = features.parameters().Concat(classifier.parameters()).Concat(discriminator.parameters());
        var optimizer = optim.Adam(all, lr: 2e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            src.Loader.SetEpoch(epoch);
            float lambda = 2f / (1f + MathF.Exp(-10f * epoch / epochs)) - 1f;

            foreach (var (s, t) in src.Loader.Zip(tgt.Loader)) //! CMP002
            {
                using var scope = NewDisposeScope();
                var fs = features.forward(s["data"]);
                var ft = features.forward(t["data"]);
                var cls = nn.functional.cross_entropy(classifier.forward(fs), s["label"]);
                var domainLogits = discriminator.forward(cat(new[] { fs, ft }, 0)).squeeze(1);
                var domainLabels = cat(new[] { zeros(fs.shape[0]), ones(ft.shape[0]) }, 0);
                var adv = nn.functional.binary_cross_entropy_with_logits(domainLogits, domainLabels);
                var loss = cls - lambda * adv;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"{src.Name} -> {tgt.Name}, epoch {epoch}, lambda {lambda:F3}");
        }
    }
}
