// Scenario: a DataLoader ported from PyTorch keeps sampler/batch_sampler fields and gains its own set_epoch that forwards to both; the training loop calls loader.set_epoch(epoch) — right: a setter on the whole loader reaches the distributed bucket batch sampler. No diagnostic.
using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace Tts.Ported;

public sealed class DistributedBucketSampler : IBatchSampler
{
    private readonly long[][] _buckets;
    private readonly int _batchSize, _replicas, _rank, _seed;
    private int _epoch;

    public DistributedBucketSampler(int[] lengths, int[] boundaries, int batchSize, int replicas, int rank, int seed = 1234)
    {
        _buckets = boundaries.Zip(boundaries.Skip(1))
            .Select(edge => Enumerable.Range(0, lengths.Length).Where(i => lengths[i] > edge.First && lengths[i] <= edge.Second).Select(i => (long)i).ToArray())
            .Where(b => b.Length > 0)
            .ToArray();
        (_batchSize, _replicas, _rank, _seed) = (batchSize, replicas, rank, seed);
    }

    public long Count => _buckets.Sum(b => b.Length / (_batchSize * _replicas));

    public void set_epoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var g = new Random(_seed + _epoch);
        var batches = new List<long[]>();
        foreach (var bucket in _buckets)
        {
            var ids = bucket.OrderBy(_ => g.Next()).ToArray();
            var mine = ids.Where((_, i) => i % _replicas == _rank).Take(ids.Length / _replicas / _batchSize * _batchSize).ToArray();
            batches.AddRange(mine.Chunk(_batchSize));
        }
        return batches.OrderBy(_ => g.Next()).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class SpeechLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public readonly InMemoryDataset dataset;
    public readonly ISampler sampler;
    public readonly IBatchSampler batch_sampler;

    public SpeechLoader(InMemoryDataset dataset, IBatchSampler batch_sampler)
    {
        this.dataset = dataset;
        this.sampler = new SequentialSampler(dataset.Count);
        this.batch_sampler = batch_sampler;
    }

    public void set_epoch(int epoch)
    {
        (sampler as IEpochAware)?.SetEpoch(epoch);
        if (batch_sampler is DistributedBucketSampler buckets) buckets.set_epoch(epoch);
        else (batch_sampler as IEpochAware)?.SetEpoch(epoch);
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler) yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Recipe
{
    public static void Train(InMemoryDataset corpus, int[] frames, int rank, int world, int epochs, Func<Dictionary<string, Tensor>, double> step)
    {
        var loader = new SpeechLoader(corpus,
            batch_sampler: new DistributedBucketSampler(frames, new[] { 32, 300, 500, 700, 900 }, batchSize: 16, world, rank));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.set_epoch(epoch);
            double sum = 0;
            int n = 0;
            foreach (var batch in loader) { sum += step(batch); n++; }
            Console.WriteLine($"rank {rank} epoch {epoch}: {sum / Math.Max(1, n):F3}");
        }
    }
}
