using Composer.Training;
using ImageFolderFinetune;
using static TorchSharp.torch;

var options = new FinetuneOptions(args.FirstOrDefault() ?? "data/flowers", Epochs: 8, Seed: 17);
Reproducibility.SeedAll(options.Seed);

var network = nn.Sequential(
    nn.Conv2d(3, options.Width, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
    nn.Flatten(), nn.Linear(options.Width, 5));

if (args.Contains("--manual"))
{
    var loop = new FinetuneLoop(options, network);
    loop.WarmUp(epochs: 2);
    loop.Run();
    return;
}

using var optimizer = optim.AdamW(network.parameters(), 3e-4);
using var trainer = new Trainer(new TrainerOptions
{
    Model = new ComposerClassifier(network),
    Optimizer = optimizer,
    TrainLoader = Loaders.Train(options),
    EvalLoader = Loaders.Eval(options),
    MaxDuration = $"{options.Epochs}ep",
    Seed = options.Seed,
    Schedulers = [new CosineAnnealingWithWarmupScheduler("1ep")],
});
trainer.Fit();
Console.WriteLine(string.Join(", ", trainer.Eval().Select(kv => $"{kv.Key} {kv.Value:F4}")));
