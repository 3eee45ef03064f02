// Scenario: a notebook-style cell guards against double subscription by taking the setter off before adding it (`events.EpochStarted -= train.SetEpoch; events.EpochStarted += train.SetEpoch;`). The `+=` hands the loader's setter on — correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(512, 2) });
var train = new EpochDataLoader(data, batchSize: 16, sampler: new RandomSampler(data.Count, seed: 44));
var events = new NotebookEvents();

events.EpochStarted -= train.SetEpoch;
events.EpochStarted += train.SetEpoch;

for (int epoch = 0; epoch < 6; epoch++)
{
    events.Start(epoch);
    foreach (var batch in train)
    {
        _ = batch["x"].sum();
    }
}

sealed class NotebookEvents
{
    public event Action<int>? EpochStarted;

    public void Start(int epoch) => EpochStarted?.Invoke(epoch);
}
