// Scenario: the training script subscribes the loader's SetEpoch to the EpochStarted event through a small static helper in the same file (`Subscribe(events, train)` before the loop), then raises the event each epoch. The helper hands `loader.SetEpoch` on as a delegate: "wherever it is written (also in a method in view that the member calls)" it counts on every pass — correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.SubscribeThroughHelperMethod;

public sealed class LoopEvents
{
    public event Action<int>? EpochStarted;

    public void Raise(int epoch) => EpochStarted?.Invoke(epoch);
}

public static class Program
{
    private static void Subscribe(LoopEvents events, EpochDataLoader loader) => events.EpochStarted += loader.SetEpoch;

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4096, 32) });
        var train = new EpochDataLoader(data, batchSize: 128, sampler: new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 5));
        var events = new LoopEvents();
        Subscribe(events, train);

        for (int epoch = 0; epoch < 25; epoch++)
        {
            events.Raise(epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                _ = batch["x"].mean();
            }
        }
    }
}
