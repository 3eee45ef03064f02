// Scenario: a trainer raises EventHandler<EpochEventArgs> with the shuffling train loader as sender, and its handler calls Epochs.SetEpoch(sender, e.Epoch); the loader is an event's argument on the pass ("so is a delegate's or event's argument (EpochStarting?.Invoke(L, epoch))"), so it counts as handled — nothing flagged.
using Composer.Data;

namespace EvtSender;

public sealed class EvtSenderEpochEventArgs(int epoch) : EventArgs
{
    public int Epoch { get; } = epoch;
}

public sealed class EvtSenderTrainer
{
    private readonly EpochDataLoader _train;

    public EvtSenderTrainer(InMemoryDataset data)
    {
        _train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 4);
        EpochStarting += OnEpochStarting;
    }

    public event EventHandler<EvtSenderEpochEventArgs>? EpochStarting;

    private static void OnEpochStarting(object? sender, EvtSenderEpochEventArgs e)
    {
        if (sender is not null) Epochs.SetEpoch(sender, e.Epoch);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(_train, new EvtSenderEpochEventArgs(epoch));
            long batches = 0;
            foreach (var batch in _train)
            {
                batches++;
            }
            Console.WriteLine($"epoch {epoch}: {batches} batches");
        }
    }
}
