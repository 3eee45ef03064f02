// Scenario: k-fold CV with folds from an `await foreach` over an async fold source; each fold builds a train loader (sampler seeded `baseSeed + fold`) whose epoch is set every epoch, and an eval loader over `DistributedSampler(…, shuffle: false)` that is never set (fine). CMP002 not flagged for eval: "`DistributedSampler(…, shuffle: false)` (a typical evaluation loader)" is not epoch-dependent.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.KFoldAwaitForeachCorrect;

public sealed record Fold(int Index, InMemoryDataset Train, InMemoryDataset Val);

public sealed class KFoldRunner(int epochs, int baseSeed)
{
    public async Task<List<double>> RunAsync(IAsyncEnumerable<Fold> folds, CancellationToken ct)
    {
        var results = new List<double>();
        await foreach (var fold in folds.WithCancellation(ct))
        {
            using var train = new EpochDataLoader(fold.Train, batchSize: 32,
                sampler: new RandomSampler(fold.Train.Count, seed: baseSeed + fold.Index));
            using var val = new EpochDataLoader(fold.Val, batchSize: 256,
                sampler: new DistributedSampler(fold.Val.Count, numReplicas: 1, rank: 0, shuffle: false));

            double last = 0;
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                Epochs.SetEpoch(train, epoch);
                foreach (var batch in train)
                    _ = batch["data"].sum();

                long n = 0;
                foreach (var batch in val)
                    n += batch["label"].shape[0];
                last = n;
                await Task.Yield();
            }
            results.Add(last);
        }
        return results;
    }
}
