// Scenario: a BackgroundService-style worker trains until cancelled, reporting through IProgress<T> and a small logger, and sets the shuffling train loader's epoch at the top of every epoch; its validation loader does not shuffle and is never set — correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Spam.Filter.Worker;

public enum LogLevel { Debug, Information, Warning }

public interface ILogger
{
    void Log(LogLevel level, string message);
}

public readonly record struct EpochReport(int Epoch, double TrainLoss, double ValidationAccuracy);

public abstract class BackgroundService : IDisposable
{
    private Task? _executing;
    private CancellationTokenSource? _cts;

    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);

    public virtual Task StartAsync(CancellationToken cancellationToken)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _executing = ExecuteAsync(_cts.Token);
        return _executing.IsCompleted ? _executing : Task.CompletedTask;
    }

    public virtual async Task StopAsync(CancellationToken cancellationToken)
    {
        _cts?.Cancel();
        if (_executing is not null) await Task.WhenAny(_executing, Task.Delay(Timeout.Infinite, cancellationToken));
    }

    public virtual void Dispose() => _cts?.Cancel();
}

public sealed class SpamModelTrainer : BackgroundService
{
    private readonly ILogger _logger;
    private readonly IProgress<EpochReport> _progress;
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _validation;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly int _epochs;

    public SpamModelTrainer(InMemoryDataset train, InMemoryDataset validation, ILogger logger, IProgress<EpochReport> progress, int epochs = 25)
    {
        _logger = logger;
        _progress = progress;
        _epochs = epochs;
        _train = new EpochDataLoader(train, batchSize: 128, shuffle: true, seed: 7);
        _validation = new EpochDataLoader(validation, batchSize: 1024);
        _model = nn.Sequential(nn.Linear(1000, 64), nn.ReLU(), nn.Dropout(0.3), nn.Linear(64, 2));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // leave StartAsync before the first epoch
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < _epochs && !stoppingToken.IsCancellationRequested; epoch++)
        {
            _train.SetEpoch(epoch);
            _model.train();
            double sum = 0;
            int steps = 0;
            foreach (var batch in _train)
            {
                stoppingToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }

            _model.eval();
            long correct = 0, total = 0;
            using (no_grad())
            {
                foreach (var batch in _validation)
                {
                    using var scope = NewDisposeScope();
                    correct += _model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                    total += batch["label"].shape[0];
                }
            }

            var report = new EpochReport(epoch, sum / Math.Max(steps, 1), (double)correct / Math.Max(total, 1));
            _progress.Report(report);
            _logger.Log(LogLevel.Information, $"epoch {report.Epoch}: loss {report.TrainLoss:F4}, accuracy {report.ValidationAccuracy:P2}");
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _train.Dispose();
        _validation.Dispose();
    }
}
