// Scenario: the epoch loop `await foreach`es an async-iterator *method* that wraps a shuffling loader; nobody sets the epoch: wrong - CMP002 where the loop hands the loader to the method, which iterates its parameter once per call, in no loop of its own (relabelled 2026-12-07, when iterations in methods in view began to count at their calls).
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
            await foreach (var batch in StreamAsync(train, ct)) //! CMP002
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
