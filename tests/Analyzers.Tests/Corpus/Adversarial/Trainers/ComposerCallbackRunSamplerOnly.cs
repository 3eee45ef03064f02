// Scenario: a Composer callback re-implements the old DistributedSamplerCallback: at EpochStart it sets the epoch on the train loader's Sampler only: a bug, the loader's batch sampler is not reached.
using Composer.Data;
using Composer.Training;

namespace Callbacks;

public sealed class SamplerEpochCallback : Callback
{
    public int LastEpochSet { get; private set; } = -1;

    public override void Run(Event e, State state)
    {
        if (e != Event.EpochStart) return;

        if (state.TrainLoader is EpochDataLoader loader && loader.Sampler is IEpochAware sampler)
        {
            sampler.SetEpoch(state.Timestamp.Epoch); //! CMP001
            LastEpochSet = state.Timestamp.Epoch;
        }
    }
}

public sealed class EpochLogger : Callback
{
    readonly TextWriter _writer;

    public EpochLogger(TextWriter writer) => _writer = writer;

    public override void Run(Event e, State state)
    {
        switch (e)
        {
            case Event.EpochStart:
                _writer.WriteLine($"epoch {state.Timestamp.Epoch} starts at batch {state.Timestamp.Batch}");
                break;
            case Event.EpochEnd:
                _writer.WriteLine($"epoch {state.Timestamp.Epoch} ends, loss {state.Loss:F4}");
                break;
        }
    }
}
