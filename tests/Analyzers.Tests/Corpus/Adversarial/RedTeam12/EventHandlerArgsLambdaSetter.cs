// Scenario: the trainer exposes `event EventHandler<EpochEventArgs> EpochStarting` (the .NET convention), so the loader is wired with a lambda `(_, e) => train.SetEpoch(e.Epoch)` subscribed before the loop — a method group cannot be used. Right: a setter called by a lambda subscribed to an event counts on every pass, like a method group (relabelled 2026-12-06 when the analyzer learned it; the red team labelled it CMP002 from the pages of the day).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.EventHandlerArgsLambdaSetter;

public sealed class EpochEventArgs(int epoch) : EventArgs
{
    public int Epoch { get; } = epoch;
}

public sealed class ConventionalTrainer
{
    public event EventHandler<EpochEventArgs>? EpochStarting;

    public void Fit(InMemoryDataset data, int epochs)
    {
        var train = new EpochDataLoader(data, batchSize: 24, shuffle: true, seed: 12);
        EpochStarting += (_, e) => train.SetEpoch(e.Epoch);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(this, new EpochEventArgs(epoch));
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                _ = batch["x"].sum();
            }
        }
    }
}
