// Scenario: an async trainer streams batches through a local async iterator that captures a shuffling loader and `await foreach`es it once per epoch, never setting the epoch (wrong). CMP002: "The iteration may sit in a local function … that the loop calls (it then counts where it is called)".
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.AwaitForeachLocalIterator;

public sealed class StreamingTrainer
{
    public async Task<long> FitAsync(InMemoryDataset data, int epochs, CancellationToken ct)
    {
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 11);
        long steps = 0;

        async IAsyncEnumerable<Dictionary<string, Tensor>> Batches()
        {
            foreach (var batch in train) //! CMP002
            {
                ct.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return batch;
            }
        }

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            await foreach (var batch in Batches())
            {
                _ = batch["data"].sum();
                steps++;
            }
        }
        return steps;
    }
}
