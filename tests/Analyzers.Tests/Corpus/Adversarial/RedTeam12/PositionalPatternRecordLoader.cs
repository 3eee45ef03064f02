// Scenario: curriculum stages are positional records `Stage(string Name, EpochDataLoader Loader)`; the loop reshuffles with a positional pattern `stage is (_, { Sampler: IEpochAware s })` — the receiver is stage.Loader.Sampler, a bug (the loader may hold a batch sampler). A documented limit: a receiver declared in a positional pattern is not traced back to the record's property, so nothing is reported.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.PositionalPatternRecordLoader;

public sealed record Stage(string Name, EpochDataLoader Loader);

public static class Curriculum
{
    public static void Run(IReadOnlyList<Stage> stages, int epochsPerStage)
    {
        foreach (var stage in stages)
        {
            for (int epoch = 0; epoch < epochsPerStage; epoch++)
            {
                if (stage is (_, { Sampler: IEpochAware s })) s.SetEpoch(epoch);
                foreach (var batch in stage.Loader)
                {
                    using var scope = NewDisposeScope();
                    _ = batch["x"].sum();
                }
            }
        }
    }
}
