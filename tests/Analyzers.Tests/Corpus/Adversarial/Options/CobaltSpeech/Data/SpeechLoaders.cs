using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Cobalt.Speech.Data;

/// <summary>
/// Utterance batches, shuffled internally from (seed, epoch) with System.Random: no sampler object at all.
/// </summary>
public sealed class UtteranceLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;
    private readonly int _batchSize;
    private readonly bool _shuffle;
    private readonly int _seed;
    private int _epoch;

    public UtteranceLoader(InMemoryDataset data, int batchSize, bool shuffle = false, int seed = 0)
    {
        _data = data;
        _batchSize = batchSize;
        _shuffle = shuffle;
        _seed = seed;
    }

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        var ids = new long[_data.Count];
        for (long i = 0; i < ids.Length; i++) ids[i] = i;
        if (_shuffle) new Random(_seed ^ (_epoch * 16777619)).Shuffle(ids);
        foreach (long[] chunk in ids.Chunk(_batchSize)) yield return _data.GetBatch(chunk);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Batches utterances of similar length up to a frame budget, in the order of an index sampler.</summary>
public sealed class BucketedLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;
    private readonly ISampler _order;
    private readonly int _maxFrames;

    public BucketedLoader(InMemoryDataset data, ISampler order, int maxFrames)
    {
        _data = data;
        _order = order;
        _maxFrames = maxFrames;
    }

    public void SetEpoch(int epoch) => (_order as IEpochAware)?.SetEpoch(epoch);

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        var frames = _data.Columns["frames"];
        var pending = new List<long>();
        long budget = 0;
        foreach (long id in _order)
        {
            long length = frames[id].item<long>();
            if (budget + length > _maxFrames && pending.Count > 0)
            {
                yield return _data.GetBatch(pending.ToArray());
                pending.Clear();
                budget = 0;
            }
            pending.Add(id);
            budget += length;
        }
        if (pending.Count > 0) yield return _data.GetBatch(pending.ToArray());
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Hooks the experiment tracker implements.</summary>
public interface IEpochHooks
{
    void OnEpochBegin(BucketedLoader loader, int epoch);
}
