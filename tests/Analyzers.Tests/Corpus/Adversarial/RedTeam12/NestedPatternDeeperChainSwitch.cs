// Scenario: a host object holds the current run, which holds the loader; the epoch loop switches on the host with a case whose extended property pattern goes two levels deep (`case { Current.Loader.Sampler: IEpochAware s }:`). Current.Loader is injected (may hold a batch sampler) — CMP001 at the setter (fix: the call goes before the switch).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.NestedPatternDeeperChainSwitch;

public sealed class ActiveRun
{
    public ActiveRun(EpochDataLoader loader) => Loader = loader;

    public EpochDataLoader Loader { get; }
}

public sealed class TrainingHost
{
    public TrainingHost(ActiveRun current) => Current = current;

    public ActiveRun Current { get; }
}

public static class HostLoop
{
    public static void Fit(TrainingHost host, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            switch (host)
            {
                case { Current.Loader.Sampler: IEpochAware s }:
                    s.SetEpoch(epoch); //! CMP001
                    break;
                default:
                    Console.WriteLine("sampler is not epoch-aware");
                    break;
            }
            foreach (var batch in host.Current.Loader)
            {
                using var scope = NewDisposeScope();
                _ = batch["x"].mean();
            }
        }
    }
}
