// Scenario: a trainer subscribes its shuffling loader's SetEpoch to its own event in the constructor and only unsubscribes it (`-=` in a finally) in Fit, which runs the epoch loop; the event Fit raises before each pass sets the loader, and its `-=` runs after the loop — correct, no finding (relabelled 2026-12-07, when a setter a constructor hands on began to count for loops in other members; it was CMP002 by the rules' earlier limit)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.SubscribeInCtorLoopInFit;

public sealed class EventedTrainer
{
    private readonly EpochDataLoader _train;

    public event Action<int>? EpochStarted;

    public EventedTrainer(InMemoryDataset data)
    {
        _train = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 21);
        EpochStarted += _train.SetEpoch;
    }

    public void Fit(int epochs)
    {
        try
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                EpochStarted?.Invoke(epoch);
                foreach (var batch in _train)
                {
                    using var scope = NewDisposeScope();
                    _ = batch["x"].sum();
                }
            }
        }
        finally
        {
            EpochStarted -= _train.SetEpoch;
        }
    }
}
