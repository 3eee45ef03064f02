// Scenario: a single-process simulation of data-parallel training builds one DistributedSampler per rank in a List, gives the loader `shards[rank]`, and each epoch sets the epoch of every shard in the list (`foreach (var s in shards) s.SetEpoch(epoch);`), the one the loader uses included — correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(4000, 10) });
const int world = 4;
int rank = 1;
var shards = Enumerable.Range(0, world)
    .Select(r => new DistributedSampler(data.Count, numReplicas: world, rank: r, seed: 13))
    .ToList();
var loader = new EpochDataLoader(data, batchSize: 50, sampler: shards[rank]);

for (int epoch = 0; epoch < 20; epoch++)
{
    foreach (var s in shards) s.SetEpoch(epoch);
    foreach (var batch in loader)
    {
        using var scope = torch.NewDisposeScope();
        _ = batch["x"].mean();
    }
}
