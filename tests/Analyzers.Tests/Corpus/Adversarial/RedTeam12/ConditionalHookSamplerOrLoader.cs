// Scenario: a callback picks its hook with a conditional — the sampler's setter on the legacy path, the whole loader's setter otherwise (`Action<int> hook = legacy ? ((IEpochAware)loader.Sampler).SetEpoch : loader.SetEpoch;`). The loader's own setter is handed on in the same member, which handles its batch sampler — nothing flagged.
using Composer.Data;

namespace RedTeam12.ConditionalHookSamplerOrLoader;

public sealed class LegacyAwareCallback
{
    private readonly Action<int> _hook;

    public LegacyAwareCallback(EpochDataLoader loader, bool legacy)
    {
        Action<int> hook = legacy ? ((IEpochAware)loader.Sampler).SetEpoch : loader.SetEpoch;
        _hook = hook;
    }

    public void OnEpochStart(int epoch) => _hook(epoch);
}
