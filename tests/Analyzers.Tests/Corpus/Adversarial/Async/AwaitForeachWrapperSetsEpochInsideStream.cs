// Scenario: batches are consumed through an IAsyncEnumerable wrapper over the loader (`await foreach … in ReadBatchesAsync(train).WithCancellation(ct)`), and Epochs.SetEpoch is called on the first batch that arrives — the enumeration already started, so the epoch lands one epoch late (CMP005).
using System.Runtime.CompilerServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Tabular.Training;

public static class StreamingTrainer
{
    /// <summary>Yields the loader's batches, moving each to the device off the caller's thread.</summary>
    public static async IAsyncEnumerable<Dictionary<string, Tensor>> ReadBatchesAsync(
        EpochDataLoader loader, Device device, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var batch in loader)
        {
            ct.ThrowIfCancellationRequested();
            var moved = await Task.Run(() => batch.ToDictionary(kv => kv.Key, kv => kv.Value.to(device)), ct);
            yield return moved;
        }
    }

    public static async Task<double> FitAsync(InMemoryDataset data, int epochs, CancellationToken ct)
    {
        var device = cuda.is_available() ? CUDA : CPU;
        using var train = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new RandomSampler(data.Count, seed: 5), batchSize: 256));

        using var model = nn.Sequential(
            ("fc1", nn.Linear(42, 128)), ("bn", nn.BatchNorm1d(128)), ("relu", nn.ReLU()),
            ("fc2", nn.Linear(128, 1))).to(device);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);

        double last = double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            bool first = true;
            double sum = 0;
            int n = 0;
            await foreach (var batch in ReadBatchesAsync(train, device).WithCancellation(ct))
            {
                if (first)
                {
                    Epochs.SetEpoch(train, epoch); //! CMP005
                    first = false;
                }

                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var logits = model.forward(batch["features"]).squeeze(-1);
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["target"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                n++;
                foreach (var t in batch.Values) t.Dispose();
            }
            last = sum / Math.Max(n, 1);
            Console.WriteLine($"epoch {epoch}: bce {last:F4}");
        }
        return last;
    }
}
