using System.Diagnostics;
using System.Globalization;
using Composer.Data;
using Composer.Training;
using MetricLearning;
using static TorchSharp.torch;

// Metric learning on Fashion-MNIST: P classes × K samples per batch from a ClassBalancedBatchSampler,
// batch-hard triplet loss, Recall@1 on the test set. Usage: [--epochs N] [--p P] [--k K] [--lr X]
// [--device D] [--output DIR] [--train-samples N] [--data DIR]
var arguments = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : "");
string Arg(string name, string fallback) => arguments.GetValueOrDefault(name, fallback);
int epochs = int.Parse(Arg("epochs", "3"), CultureInfo.InvariantCulture);
int p = int.Parse(Arg("p", "8"), CultureInfo.InvariantCulture);
int k = int.Parse(Arg("k", "8"), CultureInfo.InvariantCulture);
double lr = double.Parse(Arg("lr", "1e-3"), CultureInfo.InvariantCulture);
int trainSamples = int.Parse(Arg("train-samples", "60000"), CultureInfo.InvariantCulture);
string output = Arg("output", "runs/metric-learning");
string data = Arg("data", Composer.Data.FashionMnist.DefaultFolder);

Reproducibility.SeedAll(7);
using var fullTrain = new Composer.Data.FashionMnist(data, train: true);
using var test = new Composer.Data.FashionMnist(data, train: false);
using var train = new InMemoryDataset(fullTrain.Columns.ToDictionary(c => c.Key, c => c.Value.narrow(0, 0, Math.Min(trainSamples, fullTrain.Count)).clone()));
var labels = train.Columns["label"].data<long>().ToArray();

// P×K batches, a new draw every epoch from (seed, epoch): the trainer sets the batch sampler's epoch.
var sampler = new ClassBalancedBatchSampler(labels, classesPerBatch: p, samplesPerClass: k, seed: 7);
using var loader = new EpochDataLoader(train, batchSampler: sampler, prefetch: true);
using var model = new EmbeddingModel();
using var optimizer = optim.Adam(model.parameters(), lr);
var recall = new RecallAtOne(test, model);
var reshuffle = new ReshuffleMonitor();

using var trainer = new Trainer(new TrainerOptions
{
    Model = model,
    Optimizer = optimizer,
    TrainLoader = loader,
    MaxDuration = $"{epochs}ep",
    Schedulers = [new CosineAnnealingWithWarmupScheduler("100ba")],
    Device = Arg("device", "auto"),
    Seed = 7,
    Callbacks = [reshuffle, recall, new LRMonitor()],
    Loggers = [new ProgressBarLogger(), new JsonLinesLogger(Path.Combine(output, "metrics.jsonl")), new TensorBoardLogger(Path.Combine(output, "tensorboard"))],
});

Console.WriteLine($"{train.Count} training images, batches of {p} classes × {k} samples, {loader.Count} batches per epoch, {epochs} epochs");
var clock = Stopwatch.StartNew();
trainer.Fit();
Console.WriteLine($"Recall@1: {recall.History[0]:F4} untrained → {recall.History[^1]:F4} after {epochs} epochs ({clock.Elapsed.TotalSeconds:F0} s); " +
    $"{reshuffle.EpochsWithNewOrder} of {epochs - 1} epochs drew new batches");
return 0;
