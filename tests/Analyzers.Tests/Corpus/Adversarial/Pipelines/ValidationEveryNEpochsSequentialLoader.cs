// Scenario: a training worker sets the shuffling train loader's epoch every epoch and, every N epochs, runs validation over non-shuffling loaders (no shuffle, DistributedSampler(shuffle: false)) without setting their epoch — right, their order does not depend on the epoch.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Wingtip.Churn.Training;

public abstract class TrainingBackgroundService
{
    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
    public Task RunAsync(CancellationToken ct) => Task.Run(() => ExecuteAsync(ct), ct);
}

public sealed class ChurnTrainingService : TrainingBackgroundService
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _val;
    private readonly EpochDataLoader _valSharded;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(30, 64), nn.ReLU(), nn.Linear(64, 2));
    private readonly int _epochs;
    private readonly int _validateEvery;

    public ChurnTrainingService(InMemoryDataset train, InMemoryDataset val, int epochs, int validateEvery)
    {
        _train = new EpochDataLoader(train, batchSize: 256, shuffle: true, seed: 8, prefetch: true);
        _val = new EpochDataLoader(val, batchSize: 1024);
        _valSharded = new EpochDataLoader(val, batchSize: 1024,
            sampler: new DistributedSampler(val.Count, Dist.WorldSize, Dist.Rank, shuffle: false));
        _epochs = epochs;
        _validateEvery = validateEvery;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        var lossFn = nn.CrossEntropyLoss();

        for (int epoch = 0; epoch < _epochs && !stoppingToken.IsCancellationRequested; epoch++)
        {
            Epochs.SetEpoch(_train, epoch);
            _model.train();
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                lossFn.call(_model.call(batch["features"]), batch["churned"]).backward();
                optimizer.step();
            }

            if ((epoch + 1) % _validateEvery != 0) continue;

            _model.eval();
            using (torch.no_grad())
            {
                long correct = 0, total = 0;
                var source = Dist.WorldSize > 1 ? _valSharded : _val;
                foreach (var batch in source)
                {
                    using var scope = torch.NewDisposeScope();
                    var predicted = _model.call(batch["features"]).argmax(1);
                    correct += predicted.eq(batch["churned"]).sum().item<long>();
                    total += predicted.shape[0];
                }
                Console.WriteLine($"epoch {epoch}: val accuracy {(double)correct / Math.Max(1, total):P2}");
            }
            await Task.Yield();
        }
    }
}
