using System.Collections;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Tessera.Ddp.Data;

/// <summary>This rank's share of the sample ids, reshuffled from (seed, epoch) like PyTorch's DistributedSampler.</summary>
public sealed class RankShardSampler : ISampler
{
    private readonly long _length;
    private readonly int _rank;
    private readonly int _world;
    private readonly int _seed;
    private int _epoch;

    public RankShardSampler(long length, int seed, int? rank = null, int? world = null)
    {
        _length = length;
        _seed = seed;
        _rank = rank ?? Dist.Rank;
        _world = world ?? Dist.WorldSize;
    }

    public long Count => (_length + _world - 1) / _world;

    public void Reshuffle(int epoch) => _epoch = epoch;

    public IEnumerator<long> GetEnumerator()
    {
        var ids = new long[_length];
        for (long i = 0; i < _length; i++) ids[i] = i;
        new Random(_seed + _epoch).Shuffle(ids);
        for (long i = _rank; i < Count * _world; i += _world) yield return ids[i % _length];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Groups the ids of a sampler into length buckets, then into batches; bucket order follows the epoch.</summary>
public sealed class BucketBatchSampler : IBatchSampler
{
    private readonly ISampler _ids;
    private readonly int _batchSize;
    private int _epoch;

    public BucketBatchSampler(ISampler ids, int batchSize)
    {
        _ids = ids;
        _batchSize = batchSize;
    }

    public long Count => (_ids.Count + _batchSize - 1) / _batchSize;

    public void Reshuffle(int epoch)
    {
        _epoch = epoch;
        (_ids as RankShardSampler)?.Reshuffle(epoch);
    }

    public IEnumerator<long[]> GetEnumerator()
    {
        var batches = _ids.Chunk(_batchSize).ToArray();
        new Random(_epoch).Shuffle(batches);
        return ((IEnumerable<long[]>)batches).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Ported from our PyTorch code base: a sampler plus an optional batch sampler.</summary>
public sealed class RankLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;
    private readonly ISampler _sampler;
    private readonly IBatchSampler _batches;

    public RankLoader(InMemoryDataset data, ISampler sampler, IBatchSampler? batchSampler = null, int batchSize = 32)
    {
        _data = data;
        _sampler = sampler;
        _batches = batchSampler ?? new BatchSampler(sampler, batchSize); // plain batches in the sampler's order
    }

    public ISampler Sampler => _sampler;

    public IBatchSampler BatchSampler => _batches;

    public void Reshuffle(int epoch)
    {
        if (_batches is BucketBatchSampler buckets) buckets.Reshuffle(epoch);
        else if (_sampler is RankShardSampler shard) shard.Reshuffle(epoch);
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] ids in _batches) yield return _data.GetBatch(ids);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Packs consecutive sequences of a shard into fixed-length rows.</summary>
public sealed class PackedLoader : IEnumerable<Tensor>
{
    private readonly InMemoryDataset _data;
    private readonly ISampler _ids;
    private readonly int _rows;

    public PackedLoader(InMemoryDataset data, ISampler ids, int rows)
    {
        _data = data;
        _ids = ids;
        _rows = rows;
    }

    public void Reshuffle(int epoch) => (_ids as RankShardSampler)?.Reshuffle(epoch);

    public IEnumerator<Tensor> GetEnumerator()
    {
        foreach (long[] ids in _ids.Chunk(_rows)) yield return _data.GetBatch(ids)["tokens"].flatten();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
