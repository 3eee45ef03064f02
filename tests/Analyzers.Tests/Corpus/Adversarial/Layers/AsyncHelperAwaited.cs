// Scenario: an async trainer awaits BeginEpochAsync(epoch) -> SyncAsync, then ApplyEpoch, which sets the shuffling loader's epoch, before each epoch's batch loop — correct, no finding
using Composer.Data;
using static TorchSharp.torch;

namespace Blind20.AsyncHelperAwaited;

public sealed class StreamingTrainer : IAsyncDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly TextWriter _log;

    public StreamingTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model, TextWriter log)
    {
        _train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 77, prefetch: true);
        _model = model;
        _optimizer = optim.AdamW(model.parameters(), lr: 1e-3);
        _log = log;
    }

    public async Task FitAsync(int epochs, CancellationToken cancellationToken)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            await BeginEpochAsync(epoch, cancellationToken);
            foreach (var batch in _train)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
            }
            await _log.WriteLineAsync($"epoch {epoch} done");
        }
    }

    private async Task BeginEpochAsync(int epoch, CancellationToken cancellationToken)
    {
        await SyncAsync(cancellationToken);
        ApplyEpoch(epoch);
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        await _log.FlushAsync(cancellationToken);
        await Task.Yield();
    }

    private void ApplyEpoch(int epoch) => _train.SetEpoch(epoch);

    public ValueTask DisposeAsync()
    {
        _train.Dispose();
        return ValueTask.CompletedTask;
    }
}
