// Scenario: a loader-building module uses only argument combinations the runtime accepts — batchSize: 1 / sampler: null / dropLast: false beside a batch sampler, a non-constant shuffle flag, shuffle: false with a sampler — and TorchSharp loaders without a fixed seed or without shuffling (correct).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LoaderConfig;

public sealed record LoaderSpec(int BatchSize, bool IsTrain, int? Seed);

public static class Loaders
{
    public static EpochDataLoader ForMetricLearning(InMemoryDataset ds, IReadOnlyList<long> labels) =>
        new EpochDataLoader(ds, batchSize: 1, shuffle: false, sampler: null, batchSampler: new ClassBalancedBatchSampler(labels, 8, 4), dropLast: false);

    public static EpochDataLoader ForSplit(InMemoryDataset ds, LoaderSpec spec) =>
        new(ds, spec.BatchSize, shuffle: spec.IsTrain, sampler: null, dropLast: spec.IsTrain);

    public static EpochDataLoader Ordered(InMemoryDataset ds) =>
        new EpochDataLoader(ds, 256, false, new SequentialSampler(ds.Count));

    public static DataLoader TorchTrain(InMemoryDataset ds, LoaderSpec spec) =>
        new DataLoader(ds, spec.BatchSize, shuffle: true, seed: null, disposeDataset: false);

    public static DataLoader TorchEval(InMemoryDataset ds, LoaderSpec spec) =>
        new DataLoader(ds, spec.BatchSize, shuffle: false, seed: spec.Seed ?? 0, disposeDataset: false);

    public static DataLoader TorchQuick(InMemoryDataset ds) =>
        torch.utils.data.DataLoader(ds, 32, true);

    public static double MeanLoss(nn.Module<Tensor, Tensor> model, DataLoader loader)
    {
        using var noGrad = torch.no_grad();
        double total = 0;
        foreach (var batch in loader)
            total += nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).item<float>();
        return total / loader.Count;
    }
}
