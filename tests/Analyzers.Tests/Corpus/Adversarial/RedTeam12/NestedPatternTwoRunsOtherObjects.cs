// Scenario: domain adaptation with a source and a target run (two different parameters): the target run's loader is set as a whole (`target.Loader.SetEpoch(epoch)`), the source run's only through its sampler in a nested pattern (`source is { Loader.Sampler: IEpochAware s }`). The source loader comes from outside (may hold a batch sampler) and nothing handles *its* batch sampler — CMP001 at the source setter.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.NestedPatternTwoRunsOtherObjects;

public sealed class DomainRun
{
    public DomainRun(string name, EpochDataLoader loader)
    {
        Name = name;
        Loader = loader;
    }

    public string Name { get; }
    public EpochDataLoader Loader { get; }
}

public static class DomainAdaptation
{
    public static void Train(DomainRun source, DomainRun target, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            target.Loader.SetEpoch(epoch);
            if (source is { Loader.Sampler: IEpochAware s }) s.SetEpoch(epoch); //! CMP001
            foreach (var (a, b) in source.Loader.Zip(target.Loader))
            {
                using var scope = NewDisposeScope();
                _ = a["x"].mean() - b["x"].mean();
            }
        }
    }
}
