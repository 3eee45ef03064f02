using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Distributed.Tests;

/// <summary>What only rank 0 does in a data-parallel job: logging and writing checkpoints.</summary>
internal static class LoggingRankChecks
{
    public static IEnumerable<(string, Action)> All() =>
    [
        ("LoggersAndCheckpointSaversActOnRankZeroOnly", LoggersAndSaversOnRankZero),
    ];

    private static void LoggersAndSaversOnRankZero()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(64, 8),
            ["label"] = randint(0, 3, 64, dtype: ScalarType.Int64),
        });
        var folder = Directory.CreateTempSubdirectory($"composer-rank{Dist.Rank}-");
        try
        {
            var destination = new RecordingDestination();
            var reporter = new LogsEveryBatch();
            using var model = new ComposerClassifier(nn.Sequential(nn.Linear(8, 3)));
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            using var loader = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 3);
            using (var trainer = new Trainer(new TrainerOptions
            {
                Model = model,
                Optimizer = optimizer,
                TrainLoader = loader,
                MaxDuration = "2ep",
                Device = "cpu",
                Callbacks = [reporter, new CheckpointSaver(folder.FullName, "1ep")],
                Loggers = [destination],
            }))
            {
                trainer.Fit();
            }

            bool zero = Dist.Rank == 0;
            long batches = 2L * loader.Count;
            Assert.SequenceEqual(Enumerable.Repeat(zero, (int)batches), reporter.Active, "Logger.IsActive at each batch");
            Assert.Equal(zero ? batches : 0, destination.BatchEnds, "BatchEnd events the logger destination received");
            Assert.SequenceEqual(zero ? Enumerable.Repeat(0.0, (int)batches) : [], destination.Reported, "metrics a callback logged");
            Assert.Equal(zero ? 2 : 0, folder.GetFiles("*.ckpt").Length, "checkpoints written by this rank");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Logs its rank after every batch, whether or not the logger is active, and notes whether it was.</summary>
    private sealed class LogsEveryBatch : Callback
    {
        public List<bool> Active { get; } = [];

        public override void BatchEnd(State state, Logger logger)
        {
            Active.Add(logger.IsActive);
            logger.LogMetrics(new Dictionary<string, double> { ["check/rank"] = Dist.Rank });
        }
    }

    private sealed class RecordingDestination : LoggerDestination
    {
        public List<double> Reported { get; } = [];

        public long BatchEnds { get; private set; }

        public override void LogMetrics(IReadOnlyDictionary<string, double> metrics, State state)
        {
            if (metrics.TryGetValue("check/rank", out double rank)) Reported.Add(rank);
        }

        public override void BatchEnd(State state, Logger logger) => BatchEnds++;
    }
}
