// Scenario: a background fine-tuning worker refreshes its shuffling loader from a feature store every few rounds and sets the loader's epoch from a round counter it advances each tick; correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.WorkerServiceRoundCounterCorrect;

public sealed record WorkerOptions(TimeSpan Interval, int RefreshEvery = 6, int BatchSize = 128, int Seed = 77, double Lr = 5e-4);

public interface IFeatureStore
{
    InMemoryDataset Latest(DateTimeOffset since);
}

public sealed class ChurnModelWorker : IDisposable
{
    private readonly IFeatureStore _store;
    private readonly WorkerOptions _options;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(30, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 1));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EpochDataLoader _loader;
    private DateTimeOffset _refreshedAt;

    public ChurnModelWorker(IFeatureStore store, WorkerOptions options)
    {
        _store = store;
        _options = options;
        _refreshedAt = DateTimeOffset.UtcNow.AddDays(-30);
        _loader = new EpochDataLoader(store.Latest(_refreshedAt), options.BatchSize, shuffle: true, seed: options.Seed, disposeDataset: true);
    }

    public double LastLoss { get; private set; } = double.NaN;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var optimizer = optim.Adam(_model.parameters(), _options.Lr);
        int round = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await _gate.WaitAsync(stoppingToken);
            try
            {
                if (round > 0 && round % _options.RefreshEvery == 0)
                {
                    _loader.Dispose();
                    _loader = new EpochDataLoader(_store.Latest(_refreshedAt), _options.BatchSize, shuffle: true, seed: _options.Seed, disposeDataset: true);
                    _refreshedAt = DateTimeOffset.UtcNow;
                }

                Epochs.SetEpoch(_loader, round);
                _model.train();
                double sum = 0;
                int n = 0;
                foreach (var batch in _loader)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var logits = _model.call(batch["features"]).squeeze(-1);
                    var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["churned"], pos_weights: tensor(3.0f));
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>();
                    n++;
                }
                LastLoss = sum / Math.Max(1, n);
                Console.WriteLine($"{DateTimeOffset.UtcNow:u} round {round}: loss {LastLoss:F4} ({n} batches)");
                round++;
            }
            finally
            {
                _gate.Release();
            }

            try { await Task.Delay(_options.Interval, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
        _model.save("churn.bin");
    }

    public void Dispose()
    {
        _loader.Dispose();
        _gate.Dispose();
    }
}
