// Scenario: a trainer's Dispose takes `_train.SetEpoch` off the scheduler's event, but the matching `+=` was lost in a refactor (the constructor only subscribes the logger), so the shuffled loader replays epoch 0 — wrong, CMP002 on the iteration (the page: a method group taken off again "sets nothing")
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.DisposeOnlyUnsubscribes;

public sealed class Scheduler
{
    public event Action<int>? EpochStarting;
    public void Tick(int epoch) => EpochStarting?.Invoke(epoch);
}

public sealed class ForecastTrainer : IDisposable
{
    private readonly Scheduler _scheduler;
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(96, 128), nn.ReLU(), nn.Linear(128, 24));

    public ForecastTrainer(Scheduler scheduler, InMemoryDataset windows)
    {
        _scheduler = scheduler;
        _train = new EpochDataLoader(windows, batchSize: 64, sampler: new DistributedSampler(windows.Count, numReplicas: 1, rank: 0, seed: 9));
        _scheduler.EpochStarting += LogEpoch;
    }

    private static void LogEpoch(int epoch) => Console.WriteLine($"[forecast] epoch {epoch}");

    public void Fit(int epochs)
    {
        using var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _scheduler.Tick(epoch);
            foreach (var batch in _train) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.l1_loss(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }

    public void Dispose()
    {
        _scheduler.EpochStarting -= LogEpoch;
        _scheduler.EpochStarting -= _train.SetEpoch;
        _train.Dispose();
        _model.Dispose();
    }
}
