// Scenario: a hand-rolled hosted training service (StartAsync/StopAsync around an ExecuteAsync loop) builds its loader from a BatchSampler over a DistributedSampler and reshuffles with `if (_train.Sampler is IEpochAware s) s.SetEpoch(epoch)` — the loader's Sampler is a plain SequentialSampler, so the order never changes — wrong (CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Recsys.Service;

public sealed class EmbeddingTrainingService : IAsyncDisposable
{
    private readonly InMemoryDataset _interactions;
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly int _epochs;
    private CancellationTokenSource? _stopping;
    private Task? _executing;

    public EmbeddingTrainingService(Tensor userItemPairs, Tensor ratings, int epochs)
    {
        _interactions = new InMemoryDataset(new Dictionary<string, Tensor> { ["pairs"] = userItemPairs, ["rating"] = ratings });
        var shard = new DistributedSampler(_interactions.Count, seed: 11);
        _train = new EpochDataLoader(_interactions, batchSampler: new BatchSampler(shard, 512, dropLast: true), prefetch: true);
        _model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(2, 32)),
            ("relu", nn.ReLU()),
            ("fc2", nn.Linear(32, 1)));
        _epochs = epochs;
    }

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

    private async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var optimizer = optim.Adam(_model.parameters(), 5e-4);

        for (int epoch = 0; epoch < _epochs; epoch++)
        {
            if (stoppingToken.IsCancellationRequested) break;

            // reshuffle this rank's shard
            if (_train.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001

            double sum = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var prediction = _model.forward(batch["pairs"].to_type(ScalarType.Float32)).squeeze(-1);
                var loss = nn.functional.mse_loss(prediction, batch["rating"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }

            Console.WriteLine($"epoch {epoch}: loss {sum / _train.Count:F4}");
            await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_executing is not null)
        {
            try { await _executing; } catch (OperationCanceledException) { }
        }
        _stopping?.Dispose();
        _train.Dispose();
        _model.Dispose();
        _interactions.Dispose();
    }
}
