// Scenario: a callback object exposes its per-epoch hook as an expression-bodied property returning the loader sampler's setter; the loader is a constructor parameter, so it may draw from a batch sampler — CMP001 at the method group (the whole getter is the pass).
using Composer.Data;

namespace RedTeam12.ExpressionBodiedHookProperty;

public sealed class SamplerEpochCallback
{
    public SamplerEpochCallback(EpochDataLoader loader) => Loader = loader;

    public EpochDataLoader Loader { get; }

    public Action<int> OnEpochStart => ((DistributedSampler)Loader.Sampler).SetEpoch; //! CMP001

    public string Describe() => $"{Loader.Count} batches";
}
