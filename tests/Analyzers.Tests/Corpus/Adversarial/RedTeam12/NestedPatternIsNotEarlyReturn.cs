// Scenario: an epoch-start callback bails out early with a negated nested pattern — `if (Run is not { Loader.Sampler: IEpochAware s }) return; s.SetEpoch(epoch);`. The run's loader is injected and may hold a batch sampler (then Sampler is a SequentialSampler and the callback returns) — CMP001 at the setter.
using Composer.Data;

namespace RedTeam12.NestedPatternIsNotEarlyReturn;

public sealed record FitRun(string Name, EpochDataLoader Loader, int Epochs);

public sealed class EarlyReturnReshuffle
{
    public EarlyReturnReshuffle(FitRun run) => Run = run;

    public FitRun Run { get; }

    public void OnEpochStart(int epoch)
    {
        if (Run is not { Loader.Sampler: IEpochAware s }) return;
        s.SetEpoch(epoch); //! CMP001
        Console.WriteLine($"{Run.Name}: reshuffled for epoch {epoch}");
    }
}
