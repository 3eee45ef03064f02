// Scenario: samplers kept in a dictionary by split; the train loader is built with `samplers["train"]` and each epoch the script sets the epoch of every sampler in `samplers.Values` — the train sampler included. Correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(1200, 6) });
var samplers = new Dictionary<string, DistributedSampler>
{
    ["train"] = new DistributedSampler(data.Count, numReplicas: 2, rank: 0, seed: 31),
    ["val"] = new DistributedSampler(data.Count, numReplicas: 2, rank: 0, shuffle: false),
};
var train = new EpochDataLoader(data, batchSize: 40, sampler: samplers["train"]);

for (int epoch = 0; epoch < 15; epoch++)
{
    foreach (var sampler in samplers.Values) sampler.SetEpoch(epoch);
    foreach (var batch in train)
    {
        _ = batch["x"].std();
    }
}
