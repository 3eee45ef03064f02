// Scenario: an async iterator streams batches to a consumer for every epoch, iterating the shuffling loader it owns inside `for (epoch …)` without setting its epoch; the consumer uses `await foreach`: wrong - CMP002 on the loader inside the iterator.
using System.Runtime.CompilerServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.AsyncBatchStreamPerEpoch;

public sealed class BatchStreamer(InMemoryDataset data, int epochs) : IDisposable
{
    private readonly EpochDataLoader _loader = new(data, batchSize: 32, shuffle: true, seed: 4, disposeBatches: false);

    public void Dispose() => _loader.Dispose();

    public async IAsyncEnumerable<(int Epoch, Dictionary<string, Tensor> Batch)> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in _loader) //! CMP002
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return (epoch, batch);
                await Task.Yield();
            }
        }
    }
}

public static class Program
{
    public static async Task Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(256, 4), ["target"] = randn(256, 1) });
        var model = nn.Linear(4, 1);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05);
        using var streamer = new BatchStreamer(data, epochs: 3);
        await foreach (var (epoch, batch) in streamer.StreamAsync())
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["target"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            if (epoch == 2) Console.WriteLine(loss.item<float>());
        }
    }
}
