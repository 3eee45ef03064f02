// Scenario: a Composer-style reshuffle callback receives the train loader from outside and subscribes the sampler's setter only when the sampler is a DistributedSampler: `if (loader.Sampler is DistributedSampler ddp) events.EpochStarted += ddp.SetEpoch;`. The loader may hold a batch sampler (its Sampler is then a plain SequentialSampler and nothing is ever subscribed) — CMP001 at the method group.
using Composer.Data;

namespace RedTeam12.PatternIfSubscribesSamplerMethodGroup;

public sealed class EpochEvents
{
    public event Action<int>? EpochStarted;

    public void Start(int epoch) => EpochStarted?.Invoke(epoch);
}

public sealed class ReshuffleWiring
{
    private readonly EpochDataLoader _loader;

    public ReshuffleWiring(EpochDataLoader loader, EpochEvents events)
    {
        _loader = loader;
        // Tell the sampler which epoch starts so each rank reshuffles its shard.
        if (loader.Sampler is DistributedSampler ddp) events.EpochStarted += ddp.SetEpoch; //! CMP001
    }

    public long Batches => _loader.Count;
}
