// Scenario: a Lightning-style data module registers both the sampler's and the batch sampler's setters as epoch hooks (`hooks.Add(((IEpochAware)loader.Sampler).SetEpoch); hooks.Add(((IEpochAware)loader.BatchSampler).SetEpoch);`). The batch sampler is handled in the same member — correct, nothing flagged.
using Composer.Data;

namespace RedTeam12.MethodGroupsOnSamplerAndBatchSampler;

public sealed class DataModuleHooks
{
    private readonly List<Action<int>> _hooks = new();

    public void Setup(EpochDataLoader loader)
    {
        if (loader.Sampler is IEpochAware) _hooks.Add(((IEpochAware)loader.Sampler).SetEpoch);
        if (loader.BatchSampler is IEpochAware) _hooks.Add(((IEpochAware)loader.BatchSampler).SetEpoch);
    }

    public void OnTrainEpochStart(int epoch) => _hooks.ForEach(h => h(epoch));
}
