using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Meridian.Control.Data;

/// <summary>Block order for tabular shards, redrawn by <see cref="Reshuffle"/>.</summary>
public sealed class BlockOrder : ISampler
{
    private readonly int _seed;
    private int _epoch;

    public BlockOrder(long length, int seed)
    {
        Count = length;
        _seed = seed;
    }

    public long Count { get; }

    public void Reshuffle(int epoch) => _epoch = epoch;

    public IEnumerator<long> GetEnumerator()
    {
        var ids = new long[Count];
        for (long i = 0; i < Count; i++) ids[i] = i;
        new Random(_seed + 1_000_003 * _epoch).Shuffle(ids);
        return ((IEnumerable<long>)ids).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Our block feeder (its order is private).</summary>
public sealed class BlockFeeder : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;
    private readonly BlockOrder _order;
    private readonly int _batchSize;

    public BlockFeeder(InMemoryDataset data, BlockOrder order, int batchSize)
    {
        _data = data;
        _order = order;
        _batchSize = batchSize;
    }

    public void StartEpoch(int epoch) => _order.Reshuffle(epoch);

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] ids in _order.Chunk(_batchSize)) yield return _data.GetBatch(ids);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Tiles of a large table; exposes its order as <see cref="Sampler"/>, PyTorch style.</summary>
public sealed class TileLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;
    private readonly BlockOrder _order;

    public TileLoader(InMemoryDataset data, BlockOrder sampler)
    {
        _data = data;
        _order = sampler;
    }

    public BlockOrder Sampler => _order;

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] ids in _order.Chunk(256)) yield return _data.GetBatch(ids);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class LoaderOps
{
    /// <summary>Sets the epoch of every part of a Composer loader.</summary>
    public static void SetEpoch(EpochDataLoader loader, int epoch) => Epochs.SetEpoch(loader, epoch);

    public static void Reshuffle(BlockFeeder feeder, int epoch) => feeder.StartEpoch(epoch);
}
