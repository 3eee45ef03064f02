// Scenario: the train loader's own SetEpoch is subscribed to the loop's EpochStarted event before a try, and taken off in the finally (`-=` in finally). The `+=` counts on every pass of the member's loop; correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["x"] = torch.randn(2048, 16),
    ["y"] = torch.randint(0, 10, new long[] { 2048 }),
});
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 17);
var loop = new FinallyLoopEvents();

loop.EpochStarted += train.SetEpoch;
try
{
    for (int epoch = 0; epoch < 30; epoch++)
    {
        loop.Begin(epoch);
        foreach (var batch in train)
        {
            using var scope = torch.NewDisposeScope();
            _ = batch["x"].sum();
        }
    }
}
finally
{
    loop.EpochStarted -= train.SetEpoch;
}

sealed class FinallyLoopEvents
{
    public event Action<int>? EpochStarted;

    public void Begin(int epoch) => EpochStarted?.Invoke(epoch);
}
