// Scenario: a Composer callback ported after the fix: at EpochStart it sets the train loader's BatchSampler epoch when it can and falls back to its Sampler: correct.
using Composer.Data;
using Composer.Training;

namespace Callbacks.Fixed;

public sealed class SamplerEpochCallback : Callback
{
    public override void Run(Event e, State state)
    {
        if (e != Event.EpochStart || state.TrainLoader is not EpochDataLoader loader) return;

        int epoch = state.Timestamp.Epoch;
        if (loader.BatchSampler is IEpochAware batchSampler)
            batchSampler.SetEpoch(epoch);
        else if (loader.Sampler is IEpochAware sampler)
            sampler.SetEpoch(epoch);
    }
}

public sealed class StopAfterPlateau : Callback
{
    readonly int _patience;
    double _best = double.PositiveInfinity;
    int _bad;

    public StopAfterPlateau(int patience) => _patience = patience;

    public override void Run(Event e, State state)
    {
        if (e != Event.EpochEnd) return;
        if (state.Loss < _best - 1e-4)
        {
            _best = state.Loss;
            _bad = 0;
        }
        else if (++_bad >= _patience)
        {
            state.StopTraining = true;
        }
    }
}
