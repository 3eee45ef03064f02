// Scenario: a callback and an algorithm that only read the epoch the Trainer already set on its shuffling train loader (no hand-written loop) - correct, no finding.
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.TrainerEpochLogging;

public sealed class EpochBanner : Callback
{
    public List<int> Seen { get; } = [];

    public override void EpochStart(State state, Logger logger)
    {
        // The Trainer set the train loader's epoch just before this event; we only record it.
        Seen.Add(state.Timestamp.Epoch);
        logger.LogMetrics(new Dictionary<string, double> { ["trainer/epoch"] = state.Timestamp.Epoch });
    }

    public override void EpochEnd(State state, Logger logger) =>
        Console.WriteLine($"epoch {state.Timestamp.Epoch} done, {state.BatchesPerEpoch} batches");
}

public sealed class WarmupFreeze : Algorithm
{
    public override IReadOnlyCollection<Event> Events { get; } = [Event.EpochStart];

    public override bool Match(Event e, State state) => state.Timestamp.Epoch < 2;

    public override void Apply(Event e, State state, Logger logger) =>
        logger.LogMetrics(new Dictionary<string, double> { ["algo/frozen"] = 1 });
}

public static class Program
{
    public static void Run()
    {
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(512, 8), ["label"] = randint(0, 4, 512) });
        using var test = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(128, 8), ["label"] = randint(0, 4, 128) });
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 17);
        using var eval = new EpochDataLoader(test, batchSize: 64);
        using var model = new ComposerClassifier(nn.Linear(8, 4));
        using var optimizer = optim.SGD(model.parameters(), 0.05);
        using var trainer = new Trainer(new TrainerOptions
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = train,
            EvalLoader = eval,
            MaxDuration = "4ep",
            Algorithms = [new WarmupFreeze()],
            Callbacks = [new EpochBanner()],
        });
        trainer.Fit();
    }
}
