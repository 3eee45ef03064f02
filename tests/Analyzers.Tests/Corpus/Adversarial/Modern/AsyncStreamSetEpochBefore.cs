// Scenario: an async training service streams batches through an IAsyncEnumerable wrapper (`await foreach … in StreamAsync(train).WithCancellation(ct)`) and sets the epoch just before starting the stream each epoch; evaluation streams a non-shuffling loader through the same wrapper — correct, nothing to report.
using System.Runtime.CompilerServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Streaming;

public sealed class AsyncTrainingService(Module<Tensor, Tensor> model, IProgress<string>? progress = null)
{
    public async Task RunAsync(InMemoryDataset trainSet, InMemoryDataset valSet, int epochs, CancellationToken ct)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 31, prefetch: true);
        using var val = new EpochDataLoader(valSet, batchSize: 512);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);

            model.train();
            await foreach (var batch in StreamAsync(train).WithCancellation(ct))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }

            var accuracy = await EvaluateAsync(val, ct);
            progress?.Report($"epoch {epoch + 1}/{epochs}: val accuracy {accuracy:P1}");
        }
    }

    private async ValueTask<double> EvaluateAsync(EpochDataLoader loader, CancellationToken ct)
    {
        model.eval();
        using var noGrad = no_grad();
        long correct = 0, seen = 0;
        await foreach (var batch in StreamAsync(loader).WithCancellation(ct))
        {
            using var scope = NewDisposeScope();
            correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }

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
