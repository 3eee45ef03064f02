// Scenario: 5-fold cross-validation script (top-level) with a per-fold bucket batch sampler; inside the epoch loop it calls trainLoader.SetEpoch(fold) — wrong: the fold does not change across the epoch loop, so every epoch of a fold replays one order (CMP004).
using Composer.Data;
using static TorchSharp.torch;

const int Folds = 5;
const int EpochsPerFold = 8;

var (features, lengths) = LoadCorpus();
var scores = new List<double>();

for (int fold = 0; fold < Folds; fold++)
{
    long[] trainIdx = Enumerable.Range(0, lengths.Length).Where(i => i % Folds != fold).Select(i => (long)i).ToArray();
    long[] validIdx = Enumerable.Range(0, lengths.Length).Where(i => i % Folds == fold).Select(i => (long)i).ToArray();
    using var trainSet = Subset(features, trainIdx);
    using var validSet = Subset(features, validIdx);

    using var trainLoader = new EpochDataLoader(trainSet,
        batchSampler: new FoldBucketSampler(trainIdx.Select(i => lengths[i]).ToArray(), batchSize: 16, seed: 11));
    using var validLoader = new EpochDataLoader(validSet, batchSize: 64);

    var model = nn.Linear(40, 2);
    var optimizer = optim.SGD(model.parameters(), 0.05);
    for (int epoch = 0; epoch < EpochsPerFold; epoch++)
    {
        trainLoader.SetEpoch(fold); //! CMP004
        foreach (var batch in trainLoader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
            optimizer.step();
        }
    }

    using (no_grad())
    {
        double correct = 0;
        foreach (var batch in validLoader)
            correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        scores.Add(correct / validIdx.Length);
    }
}
Console.WriteLine($"CV accuracy {scores.Average():P2}");

static InMemoryDataset Subset(Dictionary<string, Tensor> columns, long[] rows)
{
    using var index = tensor(rows);
    return new InMemoryDataset(columns.ToDictionary(kv => kv.Key, kv => kv.Value.index_select(0, index)));
}

static (Dictionary<string, Tensor>, int[]) LoadCorpus()
{
    var lengths = Enumerable.Range(0, 2000).Select(i => 5 + (i * 37) % 120).ToArray();
    var columns = new Dictionary<string, Tensor>
    {
        ["data"] = randn(2000, 40),
        ["label"] = randint(0, 2, new long[] { 2000 }),
    };
    return (columns, lengths);
}

sealed class FoldBucketSampler(int[] lengths, int batchSize, int seed) : IBatchSampler, IEpochAware
{
    private int _epoch;

    public long Count => (lengths.Length + batchSize - 1) / batchSize;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(seed + _epoch);
        var order = Enumerable.Range(0, lengths.Length).OrderBy(i => lengths[i] / 10).ThenBy(_ => rng.Next()).Select(i => (long)i);
        var batches = order.Chunk(batchSize).ToArray();
        rng.Shuffle(batches);
        return ((IEnumerable<long[]>)batches).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
