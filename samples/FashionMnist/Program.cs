using System.Diagnostics;
using System.Globalization;
using Composer.Data;
using Composer.Training;
using FashionMnist;
using static TorchSharp.torch;

Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(Options.Usage);
    return 0;
}

if (options.Threads is { } threads)
{
    set_num_threads(threads);
}

Reproducibility.SeedAll(options.Seed);
var (trainLoader, testLoader, trainCount, source) = options.ImageFolder is { } imageFolder ? FromImages(imageFolder) : FromTensors();
using var disposeTrain = (IDisposable)trainLoader;
using var disposeTest = (IDisposable)testLoader;
Console.WriteLine($"Fashion-MNIST: {trainCount} training images from {source}; torch threads: {get_num_threads()}");

using var model = new ComposerClassifier(Models.Cnn(options.BatchNorm));
using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
string checkpoints = Path.Combine(options.Output, "checkpoints");
string? resume = options.Resume == "latest" ? checkpoints : options.Resume;

var epochs = new EpochTable();
using var ema = options.Ema ? new EMA(halfLife: options.EmaHalfLife) : null;
var algorithms = new List<Algorithm>();
if (options.MixUp) algorithms.Add(new MixUp(alpha: 0.2));
if (options.LabelSmoothing > 0) algorithms.Add(new LabelSmoothing(options.LabelSmoothing));
if (ema is not null) algorithms.Add(ema);
using var trainer = new Trainer(new TrainerOptions
{
    Model = model,
    Optimizer = optimizer,
    TrainLoader = trainLoader,
    EvalLoader = testLoader,
    MaxDuration = $"{options.Epochs}ep",
    EvalInterval = "1ep",
    Schedulers = [new CosineAnnealingWithWarmupScheduler(options.Warmup)],
    GradAccumSteps = options.GradAccum,
    Device = options.Device,
    Seed = options.Seed,
    RunName = "fashion-mnist", // one run per output folder: --resume latest takes its newest checkpoint
    SaveFolder = checkpoints,
    SaveInterval = "1ep",
    SaveNumCheckpointsToKeep = 3,
    LoadPath = resume,
    Algorithms = algorithms,
    Callbacks = [epochs, new LRMonitor(), new SpeedMonitor()],
    Loggers =
    [
        new ProgressBarLogger(),
        new JsonLinesLogger(Path.Combine(options.Output, "metrics.jsonl")),
        new TensorBoardLogger(Path.Combine(options.Output, "tensorboard")),
    ],
});

string variant = options.BatchNorm ? "CNN + batch norm" : "CNN";
Console.WriteLine($"{variant}, {model.parameters().Sum(p => p.numel()):N0} parameters, device {trainer.State.Device.type}, " +
    $"batch {options.BatchSize}, lr {options.LearningRate}, {options.Epochs} epochs" +
    (resume is null ? "" : $", resuming at {trainer.State.Timestamp}"));
Console.WriteLine($"augmentation: {(options.Crop ? $"random crop (padding {options.CropPadding}) + " : "")}{(options.Flip ? "horizontal flip" : options.Crop ? "" : "none")}; " +
    $"algorithms: {(algorithms.Count == 0 ? "none" : string.Join(", ", algorithms.Select(Describe)))}");

var clock = Stopwatch.StartNew();
trainer.Fit();
clock.Stop();

double accuracy = trainer.State.EvalMetrics.GetValueOrDefault("accuracy", double.NaN);
Console.WriteLine($"test accuracy {accuracy:F4}, test loss {trainer.State.EvalMetrics.GetValueOrDefault("loss", double.NaN):F4}");
if (epochs.Rows.Count > 0)
{
    double perEpoch = epochs.Rows.Average(r => r.TrainSeconds);
    Console.WriteLine();
    Console.Write(epochs.ToMarkdown());
    Console.WriteLine($"{epochs.Rows.Count} epochs: {clock.Elapsed.TotalSeconds:F0} s of training + evaluation " +
        $"({perEpoch:F1} s per epoch of training, {trainCount / perEpoch:F0} samples/s; {epochs.Rows.Average(r => r.EvalSeconds):F1} s per evaluation)");
}

Console.WriteLine($"checkpoints in {Path.GetFullPath(checkpoints)}; TensorBoard: tensorboard --logdir {Path.GetFullPath(Path.Combine(options.Output, "tensorboard"))}");
return 0;

// The loaders reshuffle every epoch from (seed, epoch): the trainer sets their epoch, no code here.
Loaders FromTensors()
{
    var images = new Composer.Data.FashionMnist(options.Data, train: true);
    utils.data.Dataset train = Augmentation() is { } augmentation ? new AugmentedDataset(images, augmentation) : images;
    var test = new Composer.Data.FashionMnist(options.Data, train: false);
    return new(new EpochDataLoader(train, batchSize: options.BatchSize, shuffle: true, seed: options.Seed, prefetch: true, disposeDataset: true),
        new EpochDataLoader(test, batchSize: 250, disposeDataset: true), train.Count, options.Data);
}

// Image files decoded sample by sample; the augmentations draw from (seed, epoch, index), so they too change every epoch.
Loaders FromImages(string folder)
{
    foreach (var (split, isTrain) in new[] { ("train", true), ("test", false) })
    {
        string splitFolder = Path.Combine(folder, split);
        if (Directory.Exists(splitFolder)) continue;
        Console.WriteLine($"Exporting the Fashion-MNIST {split} split from {options.Data} to {splitFolder} as PNG files ...");
        using var images = new Composer.Data.FashionMnist(options.Data, isTrain);
        ImageExport.Write(images, splitFolder);
    }
    var train = new ImageFolder(Path.Combine(folder, "train"), Augmentation(), channels: 1);
    var test = new ImageFolder(Path.Combine(folder, "test"), channels: 1);
    // Decoding PNGs is per-sample work: two worker threads decode the next batches while the model trains on this one.
    return new(new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(train, ImageFolder.Collate, batchSize: options.BatchSize, shuffle: true, seed: options.Seed, workers: 2, disposeDataset: true),
        new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(test, ImageFolder.Collate, batchSize: 1000, workers: 2, disposeDataset: true),
        train.Count, $"{folder} ({train.Classes.Count} classes)");
}

string Describe(Algorithm algorithm) => algorithm switch
{
    LabelSmoothing => $"label smoothing {options.LabelSmoothing}",
    EMA => $"EMA (half life {options.EmaHalfLife})",
    MixUp => "MixUp (alpha 0.2)",
    _ => algorithm.GetType().Name,
};

// Shifts of up to 2 pixels and mirror images: the augmentation of the published Fashion-MNIST results.
ITransform? Augmentation()
{
    var transforms = new List<ITransform>();
    if (options.Crop) transforms.Add(new RandomCrop(28, padding: options.CropPadding));
    if (options.Flip) transforms.Add(new RandomHorizontalFlip());
    return transforms.Count == 0 ? null : new Compose([.. transforms]);
}

/// <summary>The sample's loaders, over tensors or image files.</summary>
internal sealed record Loaders(IEnumerable<Dictionary<string, Tensor>> Train, IEnumerable<Dictionary<string, Tensor>> Test, long TrainCount, string Source);

/// <summary>One row per epoch: mean training loss, test accuracy, seconds of training and of evaluation.</summary>
internal sealed class EpochTable : Callback
{
    private readonly Stopwatch _train = new(), _eval = new();
    private double _lossSum;
    private long _batches;

    public List<EpochRow> Rows { get; } = [];

    public override void EpochStart(State state, Logger logger)
    {
        (_lossSum, _batches) = (0, 0);
        _train.Restart();
    }

    public override void BatchEnd(State state, Logger logger)
    {
        _lossSum += state.Loss;
        _batches++;
    }

    public override void EpochEnd(State state, Logger logger)
    {
        _train.Stop();
        Rows.Add(new(state.Timestamp.Epoch, _lossSum / _batches, double.NaN, _train.Elapsed.TotalSeconds, 0));
    }

    public override void EvalStart(State state, Logger logger) => _eval.Restart();

    public override void EvalEnd(State state, Logger logger)
    {
        if (Rows.Count > 0)
        {
            Rows[^1] = Rows[^1] with { TestAccuracy = state.EvalMetrics.GetValueOrDefault("accuracy", double.NaN), EvalSeconds = _eval.Elapsed.TotalSeconds };
        }
    }

    /// <summary>The rows as a Markdown table, with the time since training started.</summary>
    public string ToMarkdown()
    {
        var table = new System.Text.StringBuilder("| Epoch | Train loss | Test accuracy | Train s | Eval s | Elapsed s |\n|---:|---:|---:|---:|---:|---:|\n");
        double elapsed = 0;
        foreach (var row in Rows)
        {
            elapsed += row.TrainSeconds + row.EvalSeconds;
            table.Append(CultureInfo.InvariantCulture, $"| {row.Epoch} | {row.TrainLoss:F4} | {row.TestAccuracy:F4} | {row.TrainSeconds:F1} | {row.EvalSeconds:F1} | {elapsed:F0} |\n");
        }

        return table.ToString();
    }
}

/// <summary>What <see cref="EpochTable"/> records of one epoch.</summary>
internal sealed record EpochRow(int Epoch, double TrainLoss, double TestAccuracy, double TrainSeconds, double EvalSeconds);
