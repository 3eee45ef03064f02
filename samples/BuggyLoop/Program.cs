using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

// Each method below makes one epoch mistake that the Composer analyzers flag; the comment on the
// flagged line names the rule. Running the program prints the first batch of two epochs per loop,
// so the mistakes show: the same order twice.
const int Epochs = 2;
using var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = arange(64, dtype: ScalarType.Float32).unsqueeze(1),
    ["label"] = arange(64, dtype: ScalarType.Int64).remainder(4),
});
long[] labels = Enumerable.Range(0, 64).Select(i => (long)(i % 4)).ToArray();

SamplerOnly(data, Epochs);
NeverSet(data, Epochs);
FixedSeed(data, Epochs);
StaleEpoch(data, Epochs);
InsideIteration(data, labels, Epochs);

static void Show(string name, int epoch, Dictionary<string, Tensor> batch) =>
    Console.WriteLine($"{name,-16} epoch {epoch}: {string.Join(",", batch["data"].squeeze(1).data<float>().ToArray())}");

static void SamplerOnly(InMemoryDataset data, int epochs)
{
    var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(new DistributedSampler(data.Count, 2, 0, seed: 1), 8));
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); // CMP001
        Show("sampler only", epoch, loader.First());
    }
}

static void NeverSet(InMemoryDataset data, int epochs)
{
    var loader = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 2);
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        foreach (var batch in loader) // CMP002
        {
            Show("never set", epoch, batch);
            break;
        }
    }
}

static void FixedSeed(InMemoryDataset data, int epochs)
{
    var loader = new TorchSharp.Modules.DataLoader(data, 8, shuffle: true, seed: 3, disposeBatch: false, disposeDataset: false); // CMP003
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        Show("fixed seed", epoch, loader.First());
    }
}

static void StaleEpoch(InMemoryDataset data, int epochs)
{
    var loader = new EpochDataLoader(data, batchSize: 8, shuffle: true, seed: 4);
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        loader.SetEpoch(0); // CMP004
        Show("stale epoch", epoch, loader.First());
    }
}

static void InsideIteration(InMemoryDataset data, long[] labels, int epochs)
{
    var loader = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 2, 4, seed: 5));
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        foreach (var batch in loader)
        {
            loader.SetEpoch(epoch); // CMP005
            Show("inside iteration", epoch, batch);
            break;
        }
    }
}
