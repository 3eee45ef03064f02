// Scenario: a hosted trainer primes its loaders to the resumed epoch in a loop over loaders, fast-forwards the LR schedule in a loop over steps, probes one batch outside any loop and runs a heartbeat loop that only reads Count, then sets each epoch in the real training loop — right, nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Alpine.Forecasting;

public abstract class HostedTrainingService
{
    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
    public Task StartAsync(CancellationToken ct) => ExecuteAsync(ct);
}

public sealed class ForecastTrainingService : HostedTrainingService
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _aux;
    private readonly List<EpochDataLoader> _loaders;
    private readonly int _resumeEpoch;
    private readonly int _epochs;

    public ForecastTrainingService(InMemoryDataset series, InMemoryDataset exogenous, int resumeEpoch, int epochs)
    {
        _train = new EpochDataLoader(series, batchSize: 64, shuffle: true, seed: 21);
        _aux = new EpochDataLoader(exogenous, batchSize: 64, sampler: new RandomSampler(exogenous.Count, seed: 22));
        _loaders = [_train, _aux];
        _resumeEpoch = resumeEpoch;
        _epochs = epochs;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var l in _loaders)
            l.SetEpoch(_resumeEpoch);

        var probe = _train.First();
        int inputs = (int)probe["window"].shape[1];
        var model = nn.Sequential(nn.Linear(inputs, 128), nn.ReLU(), nn.Linear(128, 24));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 10, gamma: 0.5);
        for (int e = 0; e < _resumeEpoch; e++)
            scheduler.step();

        using var heartbeatCts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = HeartbeatAsync(heartbeatCts.Token);

        for (int epoch = _resumeEpoch; epoch < _epochs && !stoppingToken.IsCancellationRequested; epoch++)
        {
            _train.SetEpoch(epoch);
            _aux.SetEpoch(epoch);
            foreach (var (batch, extra) in _train.Zip(_aux))
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var input = batch["window"] + 0.1 * extra["window"];
                nn.functional.mse_loss(model.call(input), batch["horizon"]).backward();
                optimizer.step();
            }
            scheduler.step();
        }

        heartbeatCts.Cancel();
        try { await heartbeat; } catch (OperationCanceledException) { }
    }

    private async Task HeartbeatAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Console.WriteLine($"alive: {_train.Count} train batches, {_aux.Count} aux batches per epoch");
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        }
    }
}
