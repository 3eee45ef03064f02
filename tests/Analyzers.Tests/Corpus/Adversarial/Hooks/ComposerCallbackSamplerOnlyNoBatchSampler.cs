// Scenario: a Composer Callback casts its loader's Sampler to DistributedSampler and sets it in EpochStart, with the loader built from `sampler: new DistributedSampler(...)` and a batchSize (no batch sampler), then trained by Composer's Trainer; CMP001 "Not flagged: a loader whose every visible creation has no batch sampler" — nothing flagged.
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(256, 8),
    ["label"] = torch.randint(0, 3, new long[] { 256 }),
});
var reshuffle = new CbShardReshuffleCallback(data, batchSize: 32);
var model = new ComposerClassifier(nn.Linear(8, 3));
using var trainer = new Trainer(new TrainerOptions
{
    Model = model,
    Optimizer = optim.SGD(model.parameters(), 0.05),
    TrainLoader = reshuffle.TrainLoader,
    MaxDuration = "4ep",
    Callbacks = [reshuffle],
});
trainer.Fit();

sealed class CbShardReshuffleCallback : Callback
{
    public CbShardReshuffleCallback(InMemoryDataset data, int batchSize) =>
        TrainLoader = new EpochDataLoader(data, batchSize: batchSize, sampler: new DistributedSampler(data.Count, seed: 5));

    public EpochDataLoader TrainLoader { get; }

    public override void EpochStart(State state, Logger logger) =>
        ((DistributedSampler)TrainLoader.Sampler).SetEpoch(state.Timestamp.Epoch);
}
