// Scenario: Composer's bug written with a guard clause: `if (loader.Sampler is not IEpochAware aware) return; aware.SetEpoch(epoch);` in an epoch-start callback of a primary-constructor class (bug: CMP001).
using Composer.Data;

namespace RedTeam.A.Cmp001IsNotPatternGuardCallback;

public sealed class ReshuffleCallback(EpochDataLoader loader)
{
    public void OnEpochStart(int epoch)
    {
        if (loader.Sampler is not IEpochAware aware)
            return;
        aware.SetEpoch(epoch); //! CMP001
    }
}
