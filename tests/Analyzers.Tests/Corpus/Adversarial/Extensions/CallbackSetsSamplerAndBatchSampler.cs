// Scenario: a reshuffle callback given an outside loader that sets both its BatchSampler's and its Sampler's epoch at EpochStart - correct, no finding (the pass handles the batch sampler).
using Composer.Data;
using Composer.Training;

namespace Lab.Blind17.BothSamplers;

public sealed class AuxReshuffle : Callback
{
    private readonly EpochDataLoader _aux;

    public AuxReshuffle(EpochDataLoader aux) => _aux = aux;

    public override void EpochStart(State state, Logger logger)
    {
        int epoch = state.Timestamp.Epoch;
        if (_aux.BatchSampler is IEpochAware batches) batches.SetEpoch(epoch);
        if (_aux.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
        logger.LogMetrics(new Dictionary<string, double> { ["aux/epoch"] = epoch });
    }
}
