// Scenario: the loader is rebuilt at the top of every epoch in a using block, its token-budget batch sampler seeded with baseSeed + epoch and never given an epoch — right: a new seed each epoch gives a new order. No diagnostic.
using Composer.Data;
using static TorchSharp.torch;

namespace Mt.Training;

public sealed class MaxTokensBatchSampler : IBatchSampler, IEpochAware
{
    private readonly int[] _srcLengths;
    private readonly int[] _tgtLengths;
    private readonly int _maxTokens;
    private readonly int _seed;
    private int _epoch;

    public MaxTokensBatchSampler(int[] srcLengths, int[] tgtLengths, int maxTokens, int seed)
    {
        _srcLengths = srcLengths;
        _tgtLengths = tgtLengths;
        _maxTokens = maxTokens;
        _seed = seed;
    }

    public long Count => Plan().Count;

    public void SetEpoch(int epoch) => _epoch = epoch;

    private List<long[]> Plan()
    {
        var rng = new Random(HashCode.Combine(_seed, _epoch));
        var order = Enumerable.Range(0, _srcLengths.Length)
            .OrderBy(i => Math.Max(_srcLengths[i], _tgtLengths[i]))
            .ThenBy(_ => rng.Next());
        var batches = new List<long[]>();
        var batch = new List<long>();
        int width = 0;
        foreach (int i in order)
        {
            int w = Math.Max(width, Math.Max(_srcLengths[i], _tgtLengths[i]));
            if (batch.Count > 0 && w * (batch.Count + 1) > _maxTokens) { batches.Add(batch.ToArray()); batch.Clear(); w = Math.Max(_srcLengths[i], _tgtLengths[i]); }
            batch.Add(i);
            width = w;
        }
        if (batch.Count > 0) batches.Add(batch.ToArray());
        return batches.OrderBy(_ => rng.Next()).ToList();
    }

    public IEnumerator<long[]> GetEnumerator() => Plan().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class TransformerBaseRecipe
{
    public static async Task TrainAsync(InMemoryDataset bitext, int[] srcLengths, int[] tgtLengths, Func<Dictionary<string, Tensor>, Task<double>> stepAsync, int baseSeed, int maxEpoch)
    {
        for (int epoch = 0; epoch < maxEpoch; epoch++)
        {
            double loss = 0;
            long steps = 0;
            using (var loader = new EpochDataLoader(bitext,
                       batchSampler: new MaxTokensBatchSampler(srcLengths, tgtLengths, maxTokens: 4096, seed: baseSeed + epoch)))
            {
                foreach (var batch in loader)
                {
                    loss += await stepAsync(batch);
                    steps++;
                }
            }
            Console.WriteLine($"epoch {epoch:D3} | loss {loss / Math.Max(1, steps):F3} | {steps} updates");
        }
    }
}
