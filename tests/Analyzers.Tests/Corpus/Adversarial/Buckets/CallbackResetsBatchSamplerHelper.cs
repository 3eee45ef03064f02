// Scenario: an epoch-start hook receives the train loader from outside, keeps the old set-the-Sampler line, and also hands loader.BatchSampler to a helper in the same file that sets the epoch of the batch sampler it receives (hand-written P×K) — right: the batch sampler is told its epoch on the same pass. No diagnostic.
using Composer.Data;

namespace Retrieval.Hooks;

public interface ITrainingHook
{
    void OnEpochStart(int epoch);
    void OnEpochEnd(int epoch, double loss);
}

/// <summary>P classes × K samples, hand-written before the runtime had ClassBalancedBatchSampler.</summary>
public sealed class PkBatchSampler : IBatchSampler, IEpochAware
{
    private readonly ILookup<long, long> _byClass;
    private readonly int _p, _k, _seed;
    private int _epoch;

    public PkBatchSampler(IReadOnlyList<long> labels, int p, int k, int seed)
    {
        _byClass = labels.Select((label, i) => (label, index: (long)i)).ToLookup(x => x.label, x => x.index);
        (_p, _k, _seed) = (p, k, seed);
    }

    public long Count => _byClass.Count(g => g.Count() >= _k) / _p;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(_seed + 7 * _epoch);
        var classes = _byClass.Where(g => g.Count() >= _k).ToArray();
        rng.Shuffle(classes);
        for (int c = 0; c + _p <= classes.Length; c += _p)
            yield return classes.Skip(c).Take(_p).SelectMany(g => g.OrderBy(_ => rng.Next()).Take(_k)).ToArray();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class ReshuffleHook : ITrainingHook
{
    private readonly EpochDataLoader _trainLoader;

    public ReshuffleHook(EpochDataLoader trainLoader) => _trainLoader = trainLoader;

    public void OnEpochStart(int epoch)
    {
        if (_trainLoader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); // no-op with a batch sampler, kept for plain loaders
        ResetOrder(_trainLoader.BatchSampler, epoch);
        Console.WriteLine($"epoch {epoch}: {_trainLoader.Count} batches");
    }

    public void OnEpochEnd(int epoch, double loss) => Console.WriteLine($"epoch {epoch} loss {loss:F4}");

    private static void ResetOrder(IBatchSampler batches, int epoch)
    {
        if (batches is IEpochAware epochAware)
            epochAware.SetEpoch(epoch);
    }
}
