// Scenario: VITS' DistributedBucketSampler and a DataLoader ported from PyTorch with sampler/batch_sampler fields; the TTS loop calls loader.sampler.set_epoch through an IEpochAware test — wrong: the loader was given a batch_sampler, its sampler is a SequentialSampler (CMP001).
using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace Tts;

/// <summary>Port of vits/data_utils.py DistributedBucketSampler: length buckets, shuffled per epoch, split across ranks.</summary>
public sealed class DistributedBucketSampler : IBatchSampler
{
    private readonly List<List<long>> _buckets = new();
    private readonly int _batchSize, _numReplicas, _rank, _seed;
    public int epoch;

    public DistributedBucketSampler(int[] lengths, int batchSize, int[] boundaries, int numReplicas, int rank, int seed = 1234)
    {
        (_batchSize, _numReplicas, _rank, _seed) = (batchSize, numReplicas, rank, seed);
        for (int b = 0; b < boundaries.Length - 1; b++)
        {
            var bucket = Enumerable.Range(0, lengths.Length)
                .Where(i => lengths[i] > boundaries[b] && lengths[i] <= boundaries[b + 1])
                .Select(i => (long)i).ToList();
            if (bucket.Count > 0) _buckets.Add(bucket);
        }
    }

    public long Count => _buckets.Sum(b => (b.Count + _numReplicas * _batchSize - 1) / (_numReplicas * _batchSize));

    public void set_epoch(int epoch) => this.epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var g = new Random(_seed + epoch);
        var batches = new List<long[]>();
        foreach (var bucket in _buckets)
        {
            var ids = bucket.OrderBy(_ => g.Next()).ToList();
            int total = _numReplicas * _batchSize;
            int rem = (total - ids.Count % total) % total;
            ids.AddRange(ids.Take(rem)); // pad the bucket to a multiple of numReplicas * batchSize
            var mine = ids.Where((_, i) => i % _numReplicas == _rank).ToList();
            for (int j = 0; j < mine.Count; j += _batchSize) batches.Add(mine.Skip(j).Take(_batchSize).ToArray());
        }
        return batches.OrderBy(_ => g.Next()).ToList().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>torch.utils.data.DataLoader, ported: sampler, batch_sampler and collate_fn.</summary>
public sealed class TextAudioLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public readonly InMemoryDataset dataset;
    public readonly ISampler sampler;
    public readonly IBatchSampler batch_sampler;

    public TextAudioLoader(InMemoryDataset dataset, int batch_size = 1, ISampler? sampler = null, IBatchSampler? batch_sampler = null)
    {
        this.dataset = dataset;
        this.sampler = sampler ?? new SequentialSampler(dataset.Count);
        this.batch_sampler = batch_sampler ?? new BatchSampler(this.sampler, batch_size);
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] indices in batch_sampler) yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class TrainVits
{
    public static void Run(InMemoryDataset trainSet, int[] specLengths, int rank, int worldSize, int epochs, Func<Dictionary<string, Tensor>, float> trainStep)
    {
        var loader = new TextAudioLoader(trainSet,
            batch_sampler: new DistributedBucketSampler(specLengths, 32, new[] { 32, 300, 400, 500, 600, 700, 800, 900, 1000 }, worldSize, rank));

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            (loader.sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
            float last = 0;
            foreach (var batch in loader) last = trainStep(batch);
            if (rank == 0) Console.WriteLine($"====> Epoch: {epoch}, loss {last:F3}");
        }
    }
}
