// Scenario: an extension method turns a loader's epoch into an async stream (async iterator) that sets the epoch before its foreach over the loader, and the trainer consumes it with `await foreach` inside its epoch loop (right).
using System.Runtime.CompilerServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.AsyncStreamWrapsLoaderSetsBefore;

public static class LoaderStreams
{
    public static async IAsyncEnumerable<TBatch> StreamEpochAsync<TBatch>(
        this IDataLoader<TBatch> loader, int epoch, [EnumeratorCancellation] CancellationToken ct = default)
    {
        loader.SetEpoch(epoch);
        foreach (var batch in loader)
        {
            ct.ThrowIfCancellationRequested();
            yield return batch;
            await Task.Yield();
        }
    }
}

public sealed class AsyncTrainer : IAsyncDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public AsyncTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model)
    {
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        _train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 77, prefetch: true);
    }

    public async Task<double> FitAsync(int epochs, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        double last = double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double total = 0;
            int steps = 0;
            await foreach (var batch in _train.StreamEpochAsync(epoch, ct))
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            last = total / Math.Max(1, steps);
            progress?.Report($"epoch {epoch}: {last:F4}");
        }
        return last;
    }

    public ValueTask DisposeAsync()
    {
        _train.Dispose();
        return ValueTask.CompletedTask;
    }
}
