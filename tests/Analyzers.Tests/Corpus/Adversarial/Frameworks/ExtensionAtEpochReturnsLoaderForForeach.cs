// Scenario: a user's fluent extension AtEpoch(this EpochDataLoader, int) sets the whole loader's epoch and returns it, and the loop writes `foreach (var batch in train.AtEpoch(epoch))` (correct: the epoch is set before the enumeration starts).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Fluent;

public static class LoaderExtensions
{
    public static EpochDataLoader AtEpoch(this EpochDataLoader loader, int epoch)
    {
        loader.SetEpoch(epoch);
        return loader;
    }
}

public sealed class FluentTrainer(nn.Module<Tensor, Tensor> model)
{
    public IReadOnlyList<double> Fit(InMemoryDataset ds, IReadOnlyList<long> labels, int epochs)
    {
        using var train = new EpochDataLoader(ds, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 6, seed: 4));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs);
        var losses = new List<double>();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double total = 0;
            foreach (var batch in train.AtEpoch(epoch))
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            scheduler.step();
            losses.Add(total / train.Count);
        }
        return losses;
    }
}
