// Scenario: an image classifier consumes an ImageFolder loader through an async-stream wrapper that reports progress (IProgress<T>) and honours cancellation; train.SetEpoch(epoch) is called before each `await foreach` — right, no diagnostic.
using System.Runtime.CompilerServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Plants.Training;

public readonly record struct BatchProgress(int Epoch, long Batch, long Of);

public static class PlantClassifier
{
    static async IAsyncEnumerable<Dictionary<string, Tensor>> WithProgress(
        IEnumerable<Dictionary<string, Tensor>> batches, long count, int epoch, IProgress<BatchProgress>? progress,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        long i = 0;
        foreach (var batch in batches)
        {
            ct.ThrowIfCancellationRequested();
            yield return batch;
            progress?.Report(new BatchProgress(epoch, ++i, count));
            if (i % 50 == 0) await Task.Yield();
        }
    }

    public static async Task TrainAsync(string root, int epochs, IProgress<BatchProgress>? progress, CancellationToken ct)
    {
        var augment = new Compose(new Resize(72), new RandomCrop(64), new RandomHorizontalFlip(),
            new Normalize([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]));
        var images = new ImageFolder(Path.Combine(root, "train"), augment);
        using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
            images, ImageFolder.Collate, batchSize: 32, shuffle: true, seed: 11, workers: 4, disposeDataset: true);

        using var model = nn.Sequential(
            ("c1", nn.Conv2d(3, 16, 3, padding: 1)), ("r1", nn.ReLU()), ("p1", nn.MaxPool2d(2)),
            ("c2", nn.Conv2d(16, 32, 3, padding: 1)), ("r2", nn.ReLU()), ("p2", nn.AdaptiveAvgPool2d(1)),
            ("flat", nn.Flatten()), ("fc", nn.Linear(32, images.Classes.Count)));
        using var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9, weight_decay: 5e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            model.train();
            await foreach (var batch in WithProgress(train, train.Count, epoch, progress).WithCancellation(ct).ConfigureAwait(false))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
