// Scenario: a service runs the runtime's Trainer.Fit() on a background Task, with a callback that reports epoch progress through IProgress<T> and stops training when the host's CancellationToken fires; the Trainer sets the shuffled loader's epoch itself — right, no diagnostic.
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Apparel.Service;

public sealed record FitProgress(int Epoch, double Loss, double? Accuracy);

/// <summary>Reports after each epoch and asks the trainer to stop on cancellation.</summary>
public sealed class ProgressAndCancellation(IProgress<FitProgress> progress, CancellationToken stoppingToken) : Callback
{
    public override void BatchEnd(State state, Logger logger)
    {
        if (stoppingToken.IsCancellationRequested)
            state.StopTraining = true;
    }

    public override void EpochEnd(State state, Logger logger) =>
        progress.Report(new FitProgress(state.Timestamp.Epoch, state.Loss, null));

    public override void EvalEnd(State state, Logger logger) =>
        progress.Report(new FitProgress(state.Timestamp.Epoch, state.Loss,
            state.EvalMetrics.TryGetValue("accuracy", out var acc) ? acc : null));
}

public sealed class FashionTrainingService(IProgress<FitProgress> progress)
{
    public Task<double> TrainAsync(int epochs, CancellationToken stoppingToken) => Task.Run(() =>
    {
        Reproducibility.SeedAll(42);
        using var train = new FashionMnist(train: true);
        using var test = new FashionMnist(train: false);
        using var trainLoader = new EpochDataLoader(train, batchSize: 128, shuffle: true, seed: 42, prefetch: true);
        using var testLoader = new EpochDataLoader(test, batchSize: 1000);

        using var model = new ComposerClassifier(nn.Sequential(
            ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 10))));
        using var optimizer = optim.Adam(model.parameters(), 1e-3);

        using var trainer = new Trainer(new TrainerOptions
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = trainLoader,
            EvalLoader = testLoader,
            MaxDuration = $"{epochs}ep",
            EvalInterval = "1ep",
            Seed = 42,
            Callbacks = [new ProgressAndCancellation(progress, stoppingToken), new EarlyStopper("accuracy", patience: 3)],
        });
        trainer.Fit();
        stoppingToken.ThrowIfCancellationRequested();
        return trainer.State.EvalMetrics["accuracy"];
    }, stoppingToken);
}
