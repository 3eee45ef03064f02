using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Helios.Streaming.Data;

/// <summary>Shuffles the chunk ids of a sharded corpus; the order is drawn from (seed, epoch).</summary>
public sealed class ChunkShuffler : ISampler
{
    private readonly int _seed;
    private int _epoch;

    public ChunkShuffler(long length, int seed)
    {
        Count = length;
        _seed = seed;
    }

    public long Count { get; }

    public int Epoch => _epoch;

    /// <summary>Called by the trainer before each pass over the corpus.</summary>
    public void StartEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long> GetEnumerator()
    {
        var order = new long[Count];
        for (long i = 0; i < Count; i++) order[i] = i;
        new Random(HashCode.Combine(_seed, _epoch)).Shuffle(order);
        return ((IEnumerable<long>)order).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Streams batches of chunks in the order of its <see cref="Sampler"/>.</summary>
public sealed class StreamingLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _chunks;
    private readonly ChunkShuffler _shuffler;

    public StreamingLoader(InMemoryDataset chunks, ChunkShuffler sampler, int batchSize)
    {
        _chunks = chunks;
        _shuffler = sampler;
        BatchSize = batchSize;
    }

    public ChunkShuffler Sampler => _shuffler;

    public int BatchSize { get; }

    public long BatchCount => (_shuffler.Count + BatchSize - 1) / BatchSize;

    public void StartEpoch(int epoch) => _shuffler.StartEpoch(epoch);

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] ids in _shuffler.Chunk(BatchSize))
            yield return _chunks.GetBatch(ids);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
