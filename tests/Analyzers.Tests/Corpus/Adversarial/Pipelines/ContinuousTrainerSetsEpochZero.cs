// Scenario: a continuously running trainer service loops while not cancelled and calls _train.SetEpoch(0) before each pass (to quiet the runtime's replayed-epoch warning), so every pass reuses epoch 0's order — wrong (CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Trey.Anomaly.Online;

public abstract class BackgroundService : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private Task? _loop;

    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);

    public virtual Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => ExecuteAsync(_cts.Token), cancellationToken);
        return Task.CompletedTask;
    }

    public virtual async Task StopAsync(CancellationToken cancellationToken)
    {
        _cts.Cancel();
        if (_loop is not null) await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public virtual void Dispose() => _cts.Dispose();
}

public sealed class ContinuousAutoencoderTrainer : BackgroundService
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _autoencoder =
        nn.Sequential(nn.Linear(128, 32), nn.ReLU(), nn.Linear(32, 128));
    private readonly long _maxPasses;

    public ContinuousAutoencoderTrainer(InMemoryDataset window, long maxPasses)
    {
        _train = new EpochDataLoader(window, batchSize: 256, shuffle: true, seed: 4242, prefetch: true);
        _maxPasses = maxPasses;
    }

    public double LastLoss { get; private set; } = double.NaN;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var optimizer = optim.Adam(_autoencoder.parameters(), lr: 1e-3);
        long passes = 0;

        while (!stoppingToken.IsCancellationRequested && passes < _maxPasses)
        {
            _train.SetEpoch(0); //! CMP004
            double total = 0;
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var x = batch["metrics"];
                var loss = nn.functional.mse_loss(_autoencoder.call(x), x);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }

            LastLoss = total / Math.Max(1, _train.Count);
            passes++;
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _train.Dispose();
        base.Dispose();
    }
}
