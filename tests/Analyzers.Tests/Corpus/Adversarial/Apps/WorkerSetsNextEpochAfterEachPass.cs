// Scenario: a continual-training worker sets the loader's starting epoch once before its loop and, after each pass over the loader, sets the next epoch (epoch + 1) so the next pass is ready — correct, no diagnostic (set after the iteration, for the next epoch).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Logistics.EtaService;

public interface IMetricsSink
{
    void Gauge(string name, double value, IReadOnlyDictionary<string, string>? tags = null);
}

public sealed class EtaRegressor : nn.Module<Tensor, Tensor>
{
    private readonly Linear _a = nn.Linear(24, 128);
    private readonly Linear _b = nn.Linear(128, 1);
    private readonly Dropout _drop = nn.Dropout(0.1);

    public EtaRegressor() : base(nameof(EtaRegressor)) => RegisterComponents();

    public override Tensor forward(Tensor x) => _b.forward(_drop.forward(nn.functional.relu(_a.forward(x)))).squeeze(-1);
}

public sealed class ContinualEtaTrainer
{
    private readonly EpochDataLoader _trips;
    private readonly EtaRegressor _model = new();
    private readonly IMetricsSink _metrics;

    public ContinualEtaTrainer(InMemoryDataset trips, IMetricsSink metrics)
    {
        _trips = new EpochDataLoader(trips, batchSize: 512, shuffle: true, seed: 3, prefetch: true);
        _metrics = metrics;
    }

    public async Task RunAsync(int startEpoch, int epochs, TimeSpan pauseBetweenEpochs, CancellationToken stoppingToken)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-4);
        Epochs.SetEpoch(_trips, startEpoch);

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            double sum = 0;
            long steps = 0;
            foreach (var batch in _trips)
            {
                stoppingToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var loss = nn.functional.l1_loss(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }

            // ready the next pass's order now, then wait for the next slot
            Epochs.SetEpoch(_trips, epoch + 1);
            _metrics.Gauge("eta.train.mae_minutes", sum / Math.Max(steps, 1),
                new Dictionary<string, string> { ["epoch"] = epoch.ToString() });
            await Task.Delay(pauseBetweenEpochs, stoppingToken);
        }
    }
}
