using System.Diagnostics;
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
using var train = new Composer.Data.FashionMnist(options.Data, train: true);
using var test = new Composer.Data.FashionMnist(options.Data, train: false);
Console.WriteLine($"Fashion-MNIST: {train.Count} training and {test.Count} test images from {options.Data}; torch threads: {get_num_threads()}");

// The loader reshuffles every epoch from (seed, epoch): the trainer sets its epoch, no code here.
using var trainLoader = new EpochDataLoader(train, batchSize: options.BatchSize, shuffle: true, seed: options.Seed, prefetch: true);
using var testLoader = new EpochDataLoader(test, batchSize: 1000);

using var model = new ComposerClassifier(Models.Cnn(options.BatchNorm));
using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
string checkpoints = Path.Combine(options.Output, "checkpoints");
string? resume = options.Resume == "latest" ? checkpoints : options.Resume;

var epochTimes = new EpochTimer();
using var trainer = new Trainer(new TrainerOptions
{
    Model = model,
    Optimizer = optimizer,
    TrainLoader = trainLoader,
    EvalLoader = testLoader,
    MaxDuration = $"{options.Epochs}ep",
    EvalInterval = "1ep",
    Schedulers = [new CosineAnnealingWithWarmupScheduler("200ba")],
    GradAccumSteps = options.GradAccum,
    Device = options.Device,
    Seed = options.Seed,
    SaveFolder = checkpoints,
    SaveInterval = "1ep",
    LoadPath = resume,
    Callbacks = [epochTimes],
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

var clock = Stopwatch.StartNew();
trainer.Fit();
clock.Stop();

double accuracy = trainer.State.EvalMetrics.GetValueOrDefault("accuracy", double.NaN);
Console.WriteLine($"test accuracy {accuracy:F4}, test loss {trainer.State.EvalMetrics.GetValueOrDefault("loss", double.NaN):F4}");
if (epochTimes.Seconds.Count > 0)
{
    double perEpoch = epochTimes.Seconds.Average();
    Console.WriteLine($"{epochTimes.Seconds.Count} epochs in {clock.Elapsed.TotalSeconds:F0} s (evaluation included): " +
        $"{perEpoch:F1} s per epoch of training, {train.Count / perEpoch:F0} samples/s");
}

Console.WriteLine($"checkpoints in {Path.GetFullPath(checkpoints)}; TensorBoard: tensorboard --logdir {Path.GetFullPath(Path.Combine(options.Output, "tensorboard"))}");
return 0;

/// <summary>Times each epoch's training (evaluation excluded).</summary>
internal sealed class EpochTimer : Callback
{
    private readonly Stopwatch clock = new();

    public List<double> Seconds { get; } = [];

    public override void Run(Event e, State state)
    {
        if (e == Event.EpochStart)
        {
            clock.Restart();
        }
        else if (e == Event.EpochEnd)
        {
            Seconds.Add(clock.Elapsed.TotalSeconds);
        }
    }
}
