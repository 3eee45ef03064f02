// Scenario: a continual-learning hosted service builds a shuffling train loader and a replay loader in its constructor; the epoch loop never sets the train loader's epoch (CMP002) and sets the replay loader to the resume epoch on every pass (CMP004) (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.TrainingServiceFieldLoaderNeverReshuffled;

public enum LogLevel { Debug, Information, Warning, Error }

public interface ILogger<TCategory>
{
    void Log(LogLevel level, string message);
}

public sealed class ConsoleLogger<TCategory> : ILogger<TCategory>
{
    private readonly LogLevel _minimum;
    public ConsoleLogger(LogLevel minimum = LogLevel.Information) => _minimum = minimum;

    public void Log(LogLevel level, string message)
    {
        if (level >= _minimum) Console.WriteLine($"{level,-11} {typeof(TCategory).Name}: {message}");
    }
}

public static class LoggerExtensions
{
    public static void LogInformation<T>(this ILogger<T> logger, string message) => logger.Log(LogLevel.Information, message);
    public static void LogWarning<T>(this ILogger<T> logger, string message) => logger.Log(LogLevel.Warning, message);
}

public sealed record ContinualOptions(int Epochs, int BatchSize, int ReplayBatchSize, int ReplayBatches, int Seed);

public interface ICheckpointStore
{
    int LatestEpoch();
    void Save(int epoch, nn.Module model);
}

public interface IStreamDatasets
{
    InMemoryDataset Current();
    InMemoryDataset ReplayBuffer();
}

public sealed class ContinualTrainingService
{
    private readonly ILogger<ContinualTrainingService> _logger;
    private readonly ICheckpointStore _checkpoints;
    private readonly ContinualOptions _options;
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _replay;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(24, 96), nn.GELU(), nn.Linear(96, 6));

    public ContinualTrainingService(IStreamDatasets datasets, ICheckpointStore checkpoints, ILogger<ContinualTrainingService> logger, ContinualOptions options)
    {
        _logger = logger;
        _checkpoints = checkpoints;
        _options = options;
        var current = datasets.Current();
        var replay = datasets.ReplayBuffer();
        _train = new EpochDataLoader(current, batchSize: options.BatchSize, shuffle: true, seed: options.Seed, dropLast: true);
        _replay = new EpochDataLoader(replay, batchSize: options.ReplayBatchSize, sampler: new RandomSampler(replay.Count, seed: options.Seed + 1));
    }

    public Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var optimizer = optim.Adam(_model.parameters(), lr: 5e-4);
        int start = _checkpoints.LatestEpoch() + 1;
        _logger.LogInformation($"resuming at epoch {start} of {_options.Epochs}");

        for (int epoch = start; epoch < _options.Epochs; epoch++)
        {
            stoppingToken.ThrowIfCancellationRequested();
            _replay.SetEpoch(start); //! CMP004

            double newLoss = 0;
            foreach (var batch in _train) //! CMP002
                newLoss += Step(optimizer, batch);

            double replayLoss = 0;
            foreach (var batch in _replay.Take(_options.ReplayBatches))
                replayLoss += Step(optimizer, batch);

            _logger.LogInformation($"epoch {epoch}: new {newLoss:F3}, replay {replayLoss:F3}");
            if (replayLoss > 2 * newLoss) _logger.LogWarning("forgetting: replay loss is more than twice the new-data loss");
            _checkpoints.Save(epoch, _model);
        }
    }, stoppingToken);

    private double Step(optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        _model.train();
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}

public sealed class FolderCheckpoints(string folder) : ICheckpointStore
{
    public int LatestEpoch() => Directory.Exists(folder)
        ? Directory.GetFiles(folder, "epoch-*.bin").Select(f => int.Parse(Path.GetFileNameWithoutExtension(f)[6..])).DefaultIfEmpty(-1).Max()
        : -1;

    public void Save(int epoch, nn.Module model)
    {
        Directory.CreateDirectory(folder);
        model.save(Path.Combine(folder, $"epoch-{epoch}.bin"));
    }
}
