// Scenario: training consumes the loader through an async iterator (`await foreach … in StreamAsync(train).WithCancellation(ct)`) and sets the epoch on the first batch, inside that loop — the order for this epoch was already fixed, so the epoch arrives one enumeration late (CMP005).
using System.Runtime.CompilerServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Streaming;

public sealed class StreamingTrainer(Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public async ValueTask<double> FitAsync(InMemoryDataset data, int epochs, CancellationToken ct = default)
    {
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 99);
        var lastLoss = double.NaN;

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var step = 0;
            double sum = 0;
            await foreach (var batch in StreamAsync(train).WithCancellation(ct))
            {
                if (step == 0) train.SetEpoch(epoch); //! CMP005

                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                step++;
            }
            lastLoss = sum / Math.Max(step, 1);
            Console.WriteLine($"epoch {epoch}: {step} steps, loss {lastLoss:F4}");
        }
        return lastLoss;
    }

    // Yields the loader's batches, giving the UI thread a chance between them.
    private static async IAsyncEnumerable<Dictionary<string, Tensor>> StreamAsync(
        EpochDataLoader loader, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var batch in loader)
        {
            ct.ThrowIfCancellationRequested();
            yield return batch;
            await Task.Yield();
        }
    }
}
