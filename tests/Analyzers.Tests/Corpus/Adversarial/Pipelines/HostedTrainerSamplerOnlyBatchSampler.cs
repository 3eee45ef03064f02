// Scenario: a BackgroundService-style trainer whose loader draws from a BatchSampler over a DistributedSampler, and ExecuteAsync sets the epoch only on loader.Sampler (a SequentialSampler here) — wrong (CMP001).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Contoso.Ml.Workers;

public abstract class TrainingHostedService : IDisposable
{
    private Task? _executing;
    private CancellationTokenSource? _stopping;

    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _executing = ExecuteAsync(_stopping.Token);
        return _executing.IsCompleted ? _executing : Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_executing is null) return;
        _stopping!.Cancel();
        await Task.WhenAny(_executing, Task.Delay(Timeout.Infinite, cancellationToken));
    }

    public virtual void Dispose() => _stopping?.Dispose();
}

public sealed class ShardedTrainingWorker : TrainingHostedService
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly int _maxEpochs;

    public ShardedTrainingWorker(InMemoryDataset data, int maxEpochs)
    {
        var shard = new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 2026);
        _train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64, dropLast: true), prefetch: true);
        _model = nn.Sequential(nn.Linear(32, 64), nn.GELU(), nn.Linear(64, 10));
        _optimizer = optim.AdamW(_model.parameters(), lr: 3e-4);
        _maxEpochs = maxEpochs;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lossFn = nn.CrossEntropyLoss();
        for (int epoch = 0; epoch < _maxEpochs && !stoppingToken.IsCancellationRequested; epoch++)
        {
            if (_train.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001

            double total = 0;
            foreach (var batch in _train)
            {
                stoppingToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                _optimizer.zero_grad();
                var loss = lossFn.call(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
            }

            Console.WriteLine($"[rank {Dist.Rank}] epoch {epoch}: loss {total / _train.Count:F4}");
            await Task.Yield();
        }
    }

    public override void Dispose()
    {
        _train.Dispose();
        base.Dispose();
    }
}
