// Scenario: the epoch loop `await foreach`es an async-iterator *method* that wraps a shuffling loader; nobody sets the epoch (a real bug, but not flagged by a documented limit): "An iteration in another *method* (`TrainOneEpoch(loader)`) does not make the calling loop an epoch loop: iterations are not followed into methods", and inside the method the loader is a parameter in no loop.
using System.Runtime.CompilerServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.AsyncPrefetchWrapperMethod;

public static class AsyncTraining
{
    public static async Task TrainAsync(InMemoryDataset data, int epochs, CancellationToken ct)
    {
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 5);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            await foreach (var batch in StreamAsync(train, ct))
                _ = batch["data"].sum();
        }
    }

    private static async IAsyncEnumerable<Dictionary<string, Tensor>> StreamAsync(
        EpochDataLoader loader, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var batch in loader)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return batch;
        }
    }
}
