// Scenario: SpeechBrain's DynamicBatchSampler ported; the script (top-level) sets the epoch at the first step of the batch loop, and on loader.Sampler — wrong twice: set during the iteration (CMP005) and on the sampler while the batches come from the batch sampler (CMP001).
using Composer.Data;
using static TorchSharp.torch;

int epochs = args.Length > 0 ? int.Parse(args[0]) : 20;
var durations = Enumerable.Range(0, 5000).Select(i => 1.0 + (i * 7919 % 1500) / 100.0).ToArray();
var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["feats"] = randn(5000, 80),
    ["tokens"] = randint(0, 500, new long[] { 5000 }),
});

using var loader = new EpochDataLoader(data,
    batchSampler: new DynamicBatchSampler(durations, maxBatchSeconds: 200, numBuckets: 20, seed: 1986));
var model = nn.Linear(80, 500);
var optimizer = optim.Adam(model.parameters(), 1e-3);

for (int epoch = 0; epoch < epochs; epoch++)
{
    int step = 0;
    foreach (var batch in loader)
    {
        if (step == 0)
            (loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001 CMP005
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.call(batch["feats"]), batch["tokens"]).backward();
        optimizer.step();
        step++;
    }
    Console.WriteLine($"epoch {epoch}: {step} dynamic batches");
}

/// <summary>Buckets by duration; each bucket's batch size keeps the batch under maxBatchSeconds of audio.</summary>
sealed class DynamicBatchSampler : IBatchSampler, IEpochAware
{
    private readonly double[] _durations;
    private readonly double _maxBatchSeconds;
    private readonly int _numBuckets, _seed;
    private int _epoch;
    private long? _count;

    public DynamicBatchSampler(double[] durations, double maxBatchSeconds, int numBuckets, int seed)
    {
        (_durations, _maxBatchSeconds, _numBuckets, _seed) = (durations, maxBatchSeconds, numBuckets, seed);
    }

    public long Count => _count ??= Build().Count;

    public void SetEpoch(int epoch) => _epoch = epoch;

    private List<long[]> Build()
    {
        var rng = new Random(_seed + _epoch);
        double max = _durations.Max();
        var batches = new List<long[]>();
        foreach (var bucket in Enumerable.Range(0, _durations.Length).GroupBy(i => Math.Min(_numBuckets - 1, (int)(_durations[i] / max * _numBuckets))))
        {
            double longest = bucket.Max(i => _durations[i]);
            int size = Math.Max(1, (int)(_maxBatchSeconds / longest));
            batches.AddRange(bucket.OrderBy(_ => rng.Next()).Select(i => (long)i).Chunk(size));
        }
        return batches.OrderBy(_ => rng.Next()).ToList();
    }

    public IEnumerator<long[]> GetEnumerator() => Build().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
