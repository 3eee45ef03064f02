// Scenario: a Lightning-style hook sets the epoch on the batch sampler when it is epoch-aware, otherwise on the sampler (`if (l.BatchSampler is IEpochAware b) ... else if (l.Sampler is IEpochAware s) ...`); correct, no diagnostic.
using Composer.Data;

namespace RedTeam.A.Cmp001LightningStyleBothPartsHandled;

public sealed class EpochHook
{
    private readonly EpochDataLoader _loader;

    public EpochHook(EpochDataLoader loader) => _loader = loader;

    public void OnTrainEpochStart(int epoch)
    {
        if (_loader.BatchSampler is IEpochAware b)
            b.SetEpoch(epoch);
        else if (_loader.Sampler is IEpochAware s)
            s.SetEpoch(epoch);
    }
}
