// Scenario: SDXL-style aspect-ratio bucketing for diffusion fine-tuning; a static helper PrepareEpoch(loader, epoch) sets the epoch on loader.Sampler and the epoch loop calls it — wrong: the loader draws from the aspect bucket batch sampler, so the helper's call reaches a SequentialSampler (CMP001 in the helper; the loop itself counts as handled).
using Composer.Data;
using static TorchSharp.torch;

namespace Diffusion.FineTune;

public sealed record AspectBucket(int Width, int Height)
{
    public double Ratio => (double)Width / Height;
}

/// <summary>Each batch holds images of one resolution bucket; bucket order and contents reshuffle per epoch.</summary>
public sealed class AspectRatioBucketSampler : IBatchSampler, IEpochAware
{
    private readonly Dictionary<AspectBucket, List<long>> _members;
    private readonly int _batchSize, _seed;
    private int _epoch;

    public AspectRatioBucketSampler(IReadOnlyList<(int W, int H)> sizes, IReadOnlyList<AspectBucket> buckets, int batchSize, int seed)
    {
        _members = buckets.ToDictionary(b => b, _ => new List<long>());
        for (int i = 0; i < sizes.Count; i++)
        {
            double ratio = (double)sizes[i].W / sizes[i].H;
            var nearest = buckets.MinBy(b => Math.Abs(Math.Log(b.Ratio / ratio)))!;
            _members[nearest].Add(i);
        }
        (_batchSize, _seed) = (batchSize, seed);
    }

    public long Count => _members.Values.Sum(m => (long)(m.Count / _batchSize));

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(_seed * 100_003 + _epoch);
        var batches = new List<long[]>();
        foreach (var members in _members.Values)
        {
            var shuffled = members.ToArray();
            rng.Shuffle(shuffled);
            batches.AddRange(shuffled.Chunk(_batchSize).Where(c => c.Length == _batchSize)); // drop ragged tails
        }
        return batches.OrderBy(_ => rng.Next()).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class FineTuneLoop
{
    static readonly AspectBucket[] Buckets = [new(1024, 1024), new(1152, 896), new(896, 1152), new(1216, 832), new(832, 1216)];

    public static void Run(InMemoryDataset latents, IReadOnlyList<(int W, int H)> sizes, Func<Dictionary<string, Tensor>, Tensor> denoiseLoss, optim.Optimizer optimizer, int epochs)
    {
        using var loader = new EpochDataLoader(latents,
            batchSampler: new AspectRatioBucketSampler(sizes, Buckets, batchSize: 4, seed: 0));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            PrepareEpoch(loader, epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                denoiseLoss(batch).backward();
                optimizer.step();
            }
        }
    }

    static void PrepareEpoch(EpochDataLoader loader, int epoch)
    {
        if (loader.Sampler is IEpochAware sampler)
            sampler.SetEpoch(epoch); //! CMP001
        GC.Collect();
    }
}
