// Scenario: a Lightning-like on_train_batch_start hook (a local function) called inside the batch loop sets the epoch of the DistributedSampler inside the loader's batch sampler on the first batch — one epoch late: CMP005 at the setter in the local function ("directly, or in a local function or stored lambda called there"); the hook gets the loop's epoch, so no CMP004.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["x"] = torch.randn(4096, 32),
    ["y"] = torch.randint(0, 10, new long[] { 4096 }),
});
var shard = new DistributedSampler(data.Count, seed: 3);
var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64));

void OnTrainBatchStart(int batchIdx, int e)
{
    if (batchIdx == 0) shard.SetEpoch(e); //! CMP005
}

for (int epoch = 0; epoch < 10; epoch++)
{
    int step = 0;
    foreach (var batch in loader)
    {
        OnTrainBatchStart(step, epoch);
        _ = batch["x"].shape;
        step++;
    }
}
