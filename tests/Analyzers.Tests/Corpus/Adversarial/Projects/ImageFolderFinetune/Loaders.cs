using Composer.Data;
using static TorchSharp.torch;

namespace ImageFolderFinetune;

/// <summary>Every loader the fine-tuning script uses, built from the options.</summary>
public static class Loaders
{
    public const int BalancedBatch = 32;

    private static ITransform Augment() => new Compose(
        new Resize(72, 72), new RandomCrop(64, padding: 4), new RandomHorizontalFlip(),
        new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]));

    private static ITransform Plain() => new Compose(
        new Resize(64, 64), new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]));

    public static EpochDataLoader<LabeledImage, Dictionary<string, Tensor>> Train(FinetuneOptions o) =>
        new(new ImageFolder(o.TrainFolder, Augment()), ImageFolder.Collate,
            batchSize: o.BatchSize, shuffle: true, seed: o.Seed, workers: 2, disposeDataset: true);

    public static EpochDataLoader<LabeledImage, Dictionary<string, Tensor>> Eval(FinetuneOptions o) =>
        new(new ImageFolder(o.ValFolder, Plain()), ImageFolder.Collate, batchSize: 128, workers: 2, disposeDataset: true);

    /// <summary>P×K batches for the contrastive warm-up: 8 classes × 4 images.</summary>
    public static EpochDataLoader<LabeledImage, Dictionary<string, Tensor>> Balanced(FinetuneOptions o)
    {
        var folder = new ImageFolder(o.TrainFolder, Augment());
        return new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(folder, ImageFolder.Collate, BalancedBatch, //! CMP006 batchSize const 32 with a batch sampler
            batchSampler: new ClassBalancedBatchSampler(folder.Labels, classesPerBatch: 8, samplesPerClass: 4, seed: o.Seed),
            disposeDataset: true);
    }

    /// <summary>This rank's shard of the training images.</summary>
    public static EpochDataLoader<LabeledImage, Dictionary<string, Tensor>> Sharded(FinetuneOptions o)
    {
        var folder = new ImageFolder(o.TrainFolder, Augment());
        EpochDataLoader<LabeledImage, Dictionary<string, Tensor>> loader = new(folder, ImageFolder.Collate, o.BatchSize, shuffle: true, //! CMP006 shuffle: true with a sampler
            sampler: new DistributedSampler(folder.Count, seed: o.Seed), disposeDataset: true);
        return loader;
    }
}
