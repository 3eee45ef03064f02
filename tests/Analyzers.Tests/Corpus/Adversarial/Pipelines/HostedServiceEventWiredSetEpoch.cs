// Scenario: a hosted trainer subscribes its shuffling loader's SetEpoch to its own EpochStarting event in the constructor and raises the event at the top of every epoch in ExecuteAsync — right, the epoch is set before each iteration.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Coho.Ranking.Service;

public abstract class ServiceBase : IAsyncDisposable
{
    private Task? _execution;
    private readonly CancellationTokenSource _stop = new();

    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);

    public void Start() => _execution = ExecuteAsync(_stop.Token);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_execution is not null)
        {
            try { await _execution; } catch (OperationCanceledException) { }
        }
        _stop.Dispose();
    }
}

public sealed class RankingTrainer : ServiceBase
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _scorer = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1));
    private readonly int _epochs;

    public event Action<int>? EpochStarting;
    public event Action<int, double>? EpochCompleted;

    public RankingTrainer(InMemoryDataset pairs, int epochs)
    {
        _train = new EpochDataLoader(pairs, batchSize: 128, shuffle: true, seed: 55, workers: 2);
        _epochs = epochs;
        EpochStarting += _train.SetEpoch;
        EpochCompleted += (epoch, loss) => Console.WriteLine($"epoch {epoch}: pairwise loss {loss:F4}");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var optimizer = optim.Adam(_scorer.parameters(), lr: 5e-4);

        for (int epoch = 0; epoch < _epochs; epoch++)
        {
            stoppingToken.ThrowIfCancellationRequested();
            EpochStarting?.Invoke(epoch);

            double total = 0;
            long n = 0;
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var margin = _scorer.call(batch["positive"]) - _scorer.call(batch["negative"]);
                var loss = nn.functional.softplus(-margin).mean();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                n++;
            }

            EpochCompleted?.Invoke(epoch, total / Math.Max(1, n));
            await Task.Yield();
        }
    }
}
