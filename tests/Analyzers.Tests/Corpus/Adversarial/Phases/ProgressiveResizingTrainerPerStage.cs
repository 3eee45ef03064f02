// Scenario: progressive resizing where each stage rebuilds a shuffled EpochDataLoader (same seed) at the new image size and hands it to a Composer Trainer, which sets the loader's epoch every epoch; the stage loop itself never iterates a loader: right.
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Resizing;

public static class StagedResizing
{
    public static IReadOnlyDictionary<string, double> Fit(Tensor images, Tensor labels, Tensor testImages, Tensor testLabels)
    {
        var stages = new (int Size, int Batch, int Epochs)[] { (16, 256, 4), (24, 128, 4), (32, 64, 6) };

        var net = nn.Sequential(
            ("conv1", nn.Conv2d(3, 32, 3, padding: 1)), ("bn1", nn.BatchNorm2d(32)), ("relu1", nn.ReLU()),
            ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("relu2", nn.ReLU()),
            ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, 10)));
        using var model = new ComposerClassifier(net);
        using var testSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = testImages, ["label"] = testLabels });
        using var testLoader = new EpochDataLoader(testSet, batchSize: 500);

        IReadOnlyDictionary<string, double> metrics = new Dictionary<string, double>();
        foreach (var (size, batch, epochs) in stages)
        {
            using var resized = nn.functional.interpolate(images, size: new long[] { size, size }, mode: InterpolationMode.Bilinear);
            using var stageSet = new InMemoryDataset(new Dictionary<string, Tensor>
            {
                ["data"] = resized.clone(),
                ["label"] = labels.alias(),
            });
            using var trainLoader = new EpochDataLoader(stageSet, batchSize: batch, shuffle: true, seed: 42);
            using var optimizer = optim.SGD(model.parameters(), 0.05 * batch / 256.0, momentum: 0.9);

            using var trainer = new Trainer(new TrainerOptions
            {
                Model = model,
                Optimizer = optimizer,
                TrainLoader = trainLoader,
                EvalLoader = testLoader,
                MaxDuration = $"{epochs}ep",
                Schedulers = [new CosineAnnealingScheduler()],
                Seed = 42,
                RunName = $"resize-{size}px",
            });
            trainer.Fit();
            metrics = trainer.State.EvalMetrics;
            Console.WriteLine($"{size}px: accuracy {metrics["accuracy"]:P2}");
        }
        return metrics;
    }
}
