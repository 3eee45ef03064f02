// Scenario: a trainer subscribes its shuffling loader's SetEpoch to its own event in the constructor and only unsubscribes it (`-=` in a finally) in Fit, which runs the epoch loop. Fit neither calls the constructor nor hands the setter on; its `-=` sets nothing — by the rules, nothing on Fit's pass sets the loader: CMP002 at the iteration.
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
                foreach (var batch in _train) //! CMP002
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
