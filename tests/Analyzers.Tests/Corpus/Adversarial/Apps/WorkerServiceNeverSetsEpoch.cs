// Scenario: a worker-service BackgroundService trains a shuffling EpochDataLoader held in a field until cancelled, reporting through IProgress and a logger, but never sets the loader's epoch — wrong, CMP002 on the batch loop.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Acme.Recommender.Worker;

public interface ILog
{
    void Info(string message);
    void Warn(string message);
}

public sealed class ConsoleLog(string category) : ILog
{
    public void Info(string message) => Console.WriteLine($"info: {category}: {message}");
    public void Warn(string message) => Console.Error.WriteLine($"warn: {category}: {message}");
}

public readonly record struct TrainingProgress(int Epoch, double Loss, TimeSpan Elapsed);

// Minimal stand-in for Microsoft.Extensions.Hosting.BackgroundService, so the worker runs without the hosting packages.
public abstract class BackgroundService
{
    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
    public Task StartAsync(CancellationToken token) => ExecuteAsync(token);
}

public sealed class ClickModel : nn.Module<Tensor, Tensor>
{
    private readonly Linear _hidden;
    private readonly Linear _output;

    public ClickModel(int features) : base(nameof(ClickModel))
    {
        _hidden = nn.Linear(features, 64);
        _output = nn.Linear(64, 2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _output.forward(nn.functional.relu(_hidden.forward(input)));
}

public sealed class RetrainWorker : BackgroundService
{
    private readonly ILog _log;
    private readonly IProgress<TrainingProgress> _progress;
    private readonly EpochDataLoader _train;
    private readonly ClickModel _model = new(features: 32);
    private readonly int _maxEpochs;

    public RetrainWorker(InMemoryDataset clicks, IProgress<TrainingProgress> progress, ILog log, int maxEpochs = 20)
    {
        _log = log;
        _progress = progress;
        _maxEpochs = maxEpochs;
        _train = new EpochDataLoader(clicks, batchSize: 256, shuffle: true, seed: 17, prefetch: true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var optimizer = optim.AdamW(_model.parameters(), lr: 3e-4);
        var started = DateTime.UtcNow;
        int epoch = 0;

        _log.Info($"retraining on {_train.Count} batches per epoch");
        while (!stoppingToken.IsCancellationRequested && epoch < _maxEpochs)
        {
            double total = 0;
            long steps = 0;
            _model.train();
            foreach (var batch in _train) //! CMP002
            {
                if (stoppingToken.IsCancellationRequested) break;
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var logits = _model.forward(batch["data"]);
                var loss = nn.functional.cross_entropy(logits, batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                steps++;
            }

            _progress.Report(new TrainingProgress(epoch, total / Math.Max(1, steps), DateTime.UtcNow - started));
            epoch++;

            // give the host a chance to observe the token between epochs
            await Task.Yield();
        }

        _log.Info($"stopped after {epoch} epochs");
    }
}
