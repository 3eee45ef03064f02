// Scenario: notebook cells trying loader variants: a batch sampler with batchSize/const shuffle/dropLast, a sampler with positional shuffle true (all rejected at run time); batchSize: 1, sampler: null and non-constant values are fine; a bug (CMP006 ×4).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

// In [1]:
var y = randint(0, 10, new long[] { 4000 });
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(4000, 16), ["label"] = y });
var labels = y.data<long>().ToArray();
const bool Shuffle = true;
int cfgBatch = 32;
bool cfgShuffle = args.Contains("--shuffle");

// In [2]: P×K batches, "and also batch size 32, shuffled, drop the ragged last batch"
var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 0);
var a = new EpochDataLoader(data, batchSize: 32, shuffle: Shuffle, batchSampler: pk, dropLast: true); //! CMP006 CMP006 CMP006

// In [3]: a shard sampler, plus shuffle (positional)
var shard = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 4);
var b = new EpochDataLoader(data, 64, true, shard); //! CMP006

// In [4]: the versions that run
EpochDataLoader c = new(data, batchSize: 1, batchSampler: pk);
var d = new EpochDataLoader(data, batchSize: cfgBatch, shuffle: cfgShuffle, batchSampler: new BatchSampler(shard, 64));
var e = new EpochDataLoader(data, batchSize: 64, shuffle: true, sampler: null);
Console.WriteLine($"{c.Count} {d.Count} {e.Count}");

// In [5]:
var model = nn.Linear(16, 10);
var opt = optim.SGD(model.parameters(), 0.1);
for (int epoch = 0; epoch < 3; epoch++)
{
    c.SetEpoch(epoch);
    foreach (var batch in c)
    {
        opt.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        opt.step();
    }
}
