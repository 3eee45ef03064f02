// Scenario: the trainer was converted to async: batches now come through an IAsyncEnumerable wrapper, await foreach (var batch in StreamBatches(_train, ct)), and the _train.SetEpoch(epoch) line did not survive the conversion; the shuffled loader replays one order (wrong).
using System.Runtime.CompilerServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Reviews.Sentiment;

public sealed class AsyncFineTuner : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly EpochDataLoader _train;

    public AsyncFineTuner(nn.Module<Tensor, Tensor> model, InMemoryDataset reviews, int seed)
    {
        _model = model;
        _optimizer = optim.AdamW(model.parameters(), lr: 2e-5, weight_decay: 0.01);
        _train = new EpochDataLoader(reviews, batchSize: 32, shuffle: true, seed: seed, prefetch: true);
    }

    public async Task<double> FitAsync(int epochs, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        double lastLoss = double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            double sum = 0;
            int steps = 0;
            await foreach (var batch in StreamBatches(_train, ct)) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
                sum += loss.item<float>();
                steps++;
            }
            lastLoss = sum / Math.Max(1, steps);
            progress?.Report($"epoch {epoch + 1}/{epochs}: loss {lastLoss:F4}");
        }
        return lastLoss;
    }

    // Yields control between batches so the UI thread stays responsive.
    private static async IAsyncEnumerable<Dictionary<string, Tensor>> StreamBatches(
        EpochDataLoader loader, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var batch in loader)
        {
            ct.ThrowIfCancellationRequested();
            yield return batch;
            await Task.Yield();
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _optimizer.Dispose();
    }
}
