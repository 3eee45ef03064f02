// Scenario: a library's Fit extension wraps Composer's Trainer (which sets the train loader's epoch itself) and builds the shuffled loader from an options object; no loop of its own (right)
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace QuickFit;

public sealed class QuickFitOptions
{
    public int BatchSize { get; init; } = 128;
    public string Duration { get; init; } = "10ep";
    public double LearningRate { get; init; } = 1e-3;
    public int Seed { get; init; } = 42;
    public string Device { get; init; } = "auto";
}

public static class QuickFitExtensions
{
    /// <summary>
    /// Trains <paramref name="module"/> as a classifier on <paramref name="train"/> with Composer's trainer and returns the
    /// final evaluation accuracy. The trainer reshuffles the loader every epoch.
    /// </summary>
    public static double Fit(this nn.Module<Tensor, Tensor> module, InMemoryDataset train, InMemoryDataset test,
        QuickFitOptions? options = null)
    {
        options ??= new QuickFitOptions();
        Reproducibility.SeedAll(options.Seed);
        using var trainLoader = new EpochDataLoader(train, batchSize: options.BatchSize, shuffle: true, seed: options.Seed);
        using var testLoader = new EpochDataLoader(test, batchSize: 1000);
        using var model = new ComposerClassifier(module);
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate);

        using var trainer = new Trainer(new TrainerOptions
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = trainLoader,
            EvalLoader = testLoader,
            MaxDuration = options.Duration,
            EvalInterval = "1ep",
            Device = options.Device,
            Seed = options.Seed,
        });
        trainer.Fit();
        return trainer.State.EvalMetrics["accuracy"];
    }
}
