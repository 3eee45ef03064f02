// Scenario: a fit method receives its loader (built elsewhere with a length-bucket batch sampler), sets the epoch on loader.Sampler and only logs loader.BatchSampler through a helper in the same file that reads its Count — wrong: nothing tells the batch sampler its epoch (CMP001).
using Composer.Data;
using static TorchSharp.torch;

namespace Qa.Training;

public static class QaFit
{
    public static void Fit(EpochDataLoader loader, nn.Module<Tensor, Tensor> reader, optim.Optimizer optimizer, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var shuffler = loader.Sampler as IEpochAware;
            shuffler?.SetEpoch(epoch); //! CMP001
            LogBatchPlan(loader.BatchSampler, epoch);

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var logits = reader.call(batch["input_ids"]);
                var loss = nn.functional.cross_entropy(logits, batch["start_positions"]);
                loss.backward();
                optimizer.step();
            }
        }
    }

    private static void LogBatchPlan(IBatchSampler batches, int epoch)
    {
        long count = batches.Count;
        string kind = batches.GetType().Name;
        Console.WriteLine($"epoch {epoch}: {count} batches planned by {kind}");
    }

    /// <summary>What the caller builds: question/context pairs bucketed by total length.</summary>
    public static EpochDataLoader Build(InMemoryDataset squad, int[] lengths, int seed) =>
        new EpochDataLoader(squad, batchSampler: new ContextLengthBucketSampler(lengths, 24, seed));
}

public sealed class ContextLengthBucketSampler(int[] lengths, int batchSize, int seed) : IBatchSampler, IEpochAware
{
    private int _epoch;

    public long Count => (lengths.Length + batchSize - 1) / batchSize;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(seed ^ _epoch);
        var chunks = Enumerable.Range(0, lengths.Length).OrderBy(_ => rng.Next()).Chunk(batchSize * 100)
            .SelectMany(pool => pool.OrderBy(i => lengths[i]).Select(i => (long)i).Chunk(batchSize))
            .ToArray();
        rng.Shuffle(chunks);
        return ((IEnumerable<long[]>)chunks).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
