// Scenario: a hand-written P×K batch sampler for person re-id, and a Composer-style EpochStart callback that reshuffles by setting the epoch on trainLoader.Sampler — Composer's own bug: the loader it is given draws from a batch sampler, so the call reaches a SequentialSampler (CMP001).
using Composer.Data;
using Composer.Training;

namespace ReId;

/// <summary>P identities × K images each, identities and images reshuffled from (seed, epoch).</summary>
public sealed class RandomIdentityBatchSampler : IBatchSampler, IEpochAware
{
    private readonly Dictionary<long, List<long>> _byIdentity;
    private readonly int _p, _k, _seed;
    private int _epoch;

    public RandomIdentityBatchSampler(IReadOnlyList<long> personIds, int p, int k, int seed = 0)
    {
        _byIdentity = personIds.Select((id, i) => (id, i: (long)i))
            .GroupBy(x => x.id)
            .Where(g => g.Count() >= 2)
            .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToList());
        (_p, _k, _seed) = (p, k, seed);
    }

    public long Count => _byIdentity.Count / _p;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(HashCode.Combine(_seed, _epoch));
        var ids = _byIdentity.Keys.ToArray();
        rng.Shuffle(ids);
        for (int b = 0; b + _p <= ids.Length; b += _p)
        {
            var batch = new List<long>(_p * _k);
            foreach (long id in ids.Skip(b).Take(_p))
            {
                var images = _byIdentity[id];
                // Sample with replacement when an identity has fewer than K images, as the Market-1501 baselines do.
                for (int j = 0; j < _k; j++) batch.Add(images[rng.Next(images.Count)]);
            }
            yield return batch.ToArray();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class ReIdData
{
    public static EpochDataLoader TrainLoader(InMemoryDataset market1501, long[] personIds) =>
        new EpochDataLoader(market1501, batchSampler: new RandomIdentityBatchSampler(personIds, p: 16, k: 4, seed: 1), workers: 4);
}

/// <summary>Registered with the trainer: "make sure the sampler reshuffles every epoch".</summary>
public sealed class ReshuffleCallback(EpochDataLoader trainLoader) : Callback
{
    public override void EpochStart(State state, Logger logger)
    {
        if (trainLoader.Sampler is IEpochAware shuffling)
            shuffling.SetEpoch(state.Timestamp.Epoch); //! CMP001
    }
}
