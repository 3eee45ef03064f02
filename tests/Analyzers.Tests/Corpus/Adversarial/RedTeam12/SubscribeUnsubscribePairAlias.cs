// Scenario: a hosted trainer subscribes the loader sampler's setter to the EpochStarted event in its constructor and takes the same method group off again in Dispose. The loader is injected (may hold a batch sampler) — CMP001 at the `+=` method group; the `-=` sets nothing and is not flagged.
using Composer.Data;

namespace RedTeam12.SubscribeUnsubscribePairAlias;

public sealed class TrainingEvents
{
    public event Action<int>? EpochStarted;

    public void RaiseEpochStarted(int epoch) => EpochStarted?.Invoke(epoch);
}

public sealed class ShuffleSubscription : IDisposable
{
    private readonly TrainingEvents _events;
    private readonly EpochDataLoader _loader;

    public ShuffleSubscription(TrainingEvents events, EpochDataLoader loader)
    {
        _events = events;
        _loader = loader;
        _events.EpochStarted += ((IEpochAware)_loader.Sampler).SetEpoch; //! CMP001
    }

    public void Dispose() => _events.EpochStarted -= ((IEpochAware)_loader.Sampler).SetEpoch;
}
