// Scenario: a trainer tests its own loader with a pattern on `this` and a warm-up condition: `if (this is { Loader.Sampler: IEpochAware s } && epoch >= _warmup) s.SetEpoch(epoch);`. Loader is injected (may hold a batch sampler) — CMP001 at the setter (fix: the call goes before the test, still guarded by epoch >= _warmup).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.NestedPatternOnThisWithWarmup;

public sealed class WarmupTrainer
{
    private readonly int _warmup;

    public WarmupTrainer(EpochDataLoader loader, int warmup)
    {
        Loader = loader;
        _warmup = warmup;
    }

    public EpochDataLoader Loader { get; }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // warm-up epochs replay the same order on purpose
            if (this is { Loader.Sampler: IEpochAware s } && epoch >= _warmup) s.SetEpoch(epoch); //! CMP001
            foreach (var batch in Loader)
            {
                using var scope = NewDisposeScope();
                _ = batch["x"].sum();
            }
        }
    }
}
