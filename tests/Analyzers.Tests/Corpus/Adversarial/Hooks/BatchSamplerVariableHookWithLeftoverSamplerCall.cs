// Scenario: the batch sampler variable the loader was built from has its SetEpoch registered as an epoch-start hook (method group), and a leftover `(loader.Sampler as IEpochAware)?.SetEpoch(epoch)` from a Composer port stays in the loop; the batch sampler is handled on every pass (a delegate "counts as setting that epoch on every pass of the member's epoch loops (CMP001, CMP002)"), so nothing is flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["x"] = torch.randn(1000, 4),
    ["y"] = torch.randn(1000, 1),
});
var batches = new BatchSampler(new DistributedSampler(data.Count, seed: 7), batchSize: 32);
var loader = new EpochDataLoader(data, batchSampler: batches);

var onEpochStart = new List<Action<int>>();
onEpochStart.Add(batches.SetEpoch);

for (int epoch = 0; epoch < 6; epoch++)
{
    foreach (var hook in onEpochStart) hook(epoch);
    (loader.Sampler as IEpochAware)?.SetEpoch(epoch);
    foreach (var batch in loader)
    {
        using var loss = (batch["x"].sum(1, keepdim: true) - batch["y"]).pow(2).mean();
        _ = loss.item<float>();
    }
}
