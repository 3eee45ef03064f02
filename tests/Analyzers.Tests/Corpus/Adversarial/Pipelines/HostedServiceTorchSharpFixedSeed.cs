// Scenario: a hosted training service builds TorchSharp's DataLoader with shuffle: true and the configured seed once, then iterates it every epoch, so every epoch has the same order — wrong (CMP003).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Woodgrove.Fraud.Training;

public abstract class BackgroundWorker
{
    private Task? _run;
    private readonly CancellationTokenSource _cts = new();

    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);

    public void Start() => _run = Task.Run(() => ExecuteAsync(_cts.Token));

    public async Task StopAsync()
    {
        _cts.Cancel();
        if (_run is not null)
        {
            try { await _run; } catch (OperationCanceledException) { }
        }
    }
}

public sealed class FraudModelOptions
{
    public int BatchSize { get; init; } = 512;
    public int Seed { get; init; } = 17;
    public int Epochs { get; init; } = 20;
    public double LearningRate { get; init; } = 1e-3;
}

public sealed class FraudModelTrainingService : BackgroundWorker
{
    private readonly FraudModelOptions _options;
    private readonly DataLoader _loader;
    private readonly nn.Module<Tensor, Tensor> _model;

    public FraudModelTrainingService(InMemoryDataset transactions, FraudModelOptions options)
    {
        _options = options;
        _loader = new DataLoader(transactions, _options.BatchSize, shuffle: true, seed: _options.Seed); //! CMP003
        _model = nn.Sequential(nn.Linear(48, 96), nn.ReLU(), nn.Linear(96, 1));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: _options.LearningRate);
        var lossFn = nn.BCEWithLogitsLoss();

        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            double total = 0;
            int n = 0;
            foreach (var batch in _loader)
            {
                stoppingToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var logits = _model.call(batch["features"]).squeeze(-1);
                var loss = lossFn.call(logits, batch["is_fraud"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                n++;
            }

            Console.WriteLine($"epoch {epoch}: bce {total / Math.Max(n, 1):F5}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), stoppingToken);
        }
    }
}
