// Scenario: an epoch-start callback counts the epochs it has seen in its guard and reshuffles after warm-up through a nested pattern: `if (++_seen > _warmup && Run is { Loader.Sampler: IEpochAware s }) s.SetEpoch(epoch);`. The run's loader is injected (may hold a batch sampler) — CMP001 at the setter; its fix must not run `++_seen` twice.
using Composer.Data;

namespace RedTeam12.NestedPatternCountingWarmupGuard;

public sealed class CountedRun
{
    public CountedRun(EpochDataLoader loader) => Loader = loader;

    public EpochDataLoader Loader { get; }
}

public sealed class WarmupReshuffleCallback
{
    private readonly int _warmup;
    private int _seen;

    public WarmupReshuffleCallback(CountedRun run, int warmup)
    {
        Run = run;
        _warmup = warmup;
    }

    public CountedRun Run { get; }

    public void OnEpochStart(int epoch)
    {
        if (++_seen > _warmup && Run is { Loader.Sampler: IEpochAware s }) s.SetEpoch(epoch); //! CMP001
    }
}
