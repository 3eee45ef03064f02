// Scenario: PyTorch's DataLoader(ds, batch_size=32, shuffle=True, batch_sampler=buckets) ported literally to EpochDataLoader — wrong: batchSize and shuffle conflict with the batch sampler and the constructor throws (CMP006 twice). The eval loader's batchSize: 1 and non-constant dropLast are allowed; the epoch is set right.
using Composer.Data;
using static TorchSharp.torch;

namespace Summarization;

/// <summary>Sorts documents into length buckets and yields bucket-homogeneous batches in a per-epoch order.</summary>
public sealed class SortishBatchSampler : IBatchSampler, IEpochAware
{
    private readonly int[] _lengths;
    private readonly int _batchSize;
    private int _epoch;

    public SortishBatchSampler(int[] lengths, int batchSize)
    {
        (_lengths, _batchSize) = (lengths, batchSize);
    }

    public long Count => (_lengths.Length + _batchSize - 1) / _batchSize;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(_epoch);
        var idx = Enumerable.Range(0, _lengths.Length).Select(i => (long)i).ToArray();
        rng.Shuffle(idx);
        // Sort inside chunks of 50 batches so batches are length-homogeneous but the run order still varies.
        var sorted = idx.Chunk(_batchSize * 50).SelectMany(c => c.OrderByDescending(i => _lengths[i])).ToArray();
        var batches = sorted.Chunk(_batchSize).ToArray();
        rng.Shuffle(batches);
        return ((IEnumerable<long[]>)batches).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class SummarizationScript
{
    private static readonly bool DropLastEval = false;

    public static void Train(InMemoryDataset train, int[] trainLengths, InMemoryDataset val, Action<Dictionary<string, Tensor>> step)
    {
        var buckets = new SortishBatchSampler(trainLengths, batchSize: 32);
        using var trainLoader = new EpochDataLoader(train, batchSize: 32, shuffle: true, batchSampler: buckets); //! CMP006 CMP006
        using var valLoader = new EpochDataLoader(val, batchSize: 1,
            batchSampler: new BatchSampler(new SequentialSampler(val.Count), 64), dropLast: DropLastEval);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            trainLoader.SetEpoch(epoch);
            foreach (var batch in trainLoader) step(batch);

            int batches = 0;
            foreach (var batch in valLoader) batches++;
            Console.WriteLine($"epoch {epoch}: {batches} validation batches");
        }
    }
}
