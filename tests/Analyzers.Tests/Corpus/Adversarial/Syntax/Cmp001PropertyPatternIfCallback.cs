// Scenario: Composer's bug with a property pattern: an epoch-start callback does `if (loader.Sampler is DistributedSampler { Shuffle: true } ds) ds.SetEpoch(epoch);` on a loader it receives (bug: CMP001).
using Composer.Data;

namespace RedTeam.A.Cmp001PropertyPatternIfCallback;

public sealed class DistributedReshuffle
{
    private readonly EpochDataLoader _loader;

    public DistributedReshuffle(EpochDataLoader loader) => _loader = loader;

    public void OnEpochStart(int epoch)
    {
        if (_loader.Sampler is DistributedSampler { Shuffle: true } ds)
            ds.SetEpoch(epoch); //! CMP001
    }
}
