// Scenario: like a per-rank simulation, but the DistributedSamplers are kept in an array; the loader gets `shards[rank]` and every epoch the loop sets the epoch of each shard in the array. The sampler the loader was built from is among them — correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(3000, 10) });
int world = 3, rank = 2;
var shards = new DistributedSampler[world];
for (int r = 0; r < world; r++) shards[r] = new DistributedSampler(data.Count, numReplicas: world, rank: r, seed: 23);
var loader = new EpochDataLoader(data, batchSize: 100, sampler: shards[rank]);

for (int epoch = 0; epoch < 10; epoch++)
{
    foreach (var shard in shards) shard.SetEpoch(epoch);
    foreach (var batch in loader)
    {
        using var scope = torch.NewDisposeScope();
        _ = batch["x"].sum();
    }
}
