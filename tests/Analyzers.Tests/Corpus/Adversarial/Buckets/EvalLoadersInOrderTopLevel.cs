// Scenario: a top-level fine-tuning script: the train loader draws from an epoch-aware bucket batch sampler and gets train.SetEpoch(epoch); the dev loader uses BatchSampler over a SequentialSampler and the test loader a DistributedSampler(shuffle: false), both read every epoch without an epoch — right: evaluation order is fixed on purpose. No diagnostic.
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

var (train, trainLengths) = Synthetic(8000, seed: 1);
var (dev, _) = Synthetic(1000, seed: 2);
var (test, _) = Synthetic(1000, seed: 3);

using var trainLoader = new EpochDataLoader(train, batchSampler: new PaddingAwareBucketSampler(trainLengths, tokensPerBatch: 8192, seed: 5));
using var devLoader = new EpochDataLoader(dev, batchSampler: new BatchSampler(new SequentialSampler(dev.Count), 64));
using var testLoader = new EpochDataLoader(test, batchSize: 64,
    sampler: new DistributedSampler(test.Count, Dist.WorldSize, Dist.Rank, shuffle: false));

var model = nn.Linear(300, 3);
var optimizer = optim.AdamW(model.parameters(), lr: 3e-5);

double Accuracy(EpochDataLoader loader)
{
    using var _ = no_grad();
    long right = 0, total = 0;
    foreach (var batch in loader)
    {
        right += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        total += batch["label"].shape[0];
    }
    return (double)right / Math.Max(1, total);
}

for (int epoch = 0; epoch < 4; epoch++)
{
    trainLoader.SetEpoch(epoch);
    foreach (var batch in trainLoader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
        optimizer.step();
    }

    double devAcc = Accuracy(devLoader);
    long testBatches = 0;
    foreach (var batch in testLoader) testBatches++;
    Console.WriteLine($"epoch {epoch}: dev {devAcc:P1}, test batches {testBatches}");
}

static (InMemoryDataset, int[]) Synthetic(int n, int seed)
{
    var rng = new Random(seed);
    int[] lengths = Enumerable.Range(0, n).Select(_ => rng.Next(8, 256)).ToArray();
    var ds = new InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = randn(n, 300),
        ["label"] = randint(0, 3, new long[] { n }),
    });
    return (ds, lengths);
}

sealed class PaddingAwareBucketSampler(int[] lengths, int tokensPerBatch, int seed) : IBatchSampler, IEpochAware
{
    private int _epoch;

    public long Count => Batches().Count;

    public void SetEpoch(int epoch) => _epoch = epoch;

    private List<long[]> Batches()
    {
        var rng = new Random(seed + _epoch);
        var sorted = Enumerable.Range(0, lengths.Length).OrderBy(i => lengths[i] + rng.NextDouble()).ToList();
        var batches = new List<long[]>();
        var current = new List<long>();
        foreach (int i in sorted)
        {
            if (current.Count > 0 && (current.Count + 1) * lengths[i] > tokensPerBatch) { batches.Add(current.ToArray()); current.Clear(); }
            current.Add(i);
        }
        if (current.Count > 0) batches.Add(current.ToArray());
        return batches.OrderBy(_ => rng.Next()).ToList();
    }

    public IEnumerator<long[]> GetEnumerator() => Batches().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
