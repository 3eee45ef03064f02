// Scenario: a P×K run whose loader is injected; the loop sets both parts through extended property patterns — `run is { Loader.BatchSampler: IEpochAware b }` and `run is { Loader.Sampler: IEpochAware s }`. The batch sampler is handled on the same pass — correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.NestedPatternBatchSamplerAlsoSet;

public sealed class MetricRun
{
    public MetricRun(EpochDataLoader loader) => Loader = loader;

    public EpochDataLoader Loader { get; }
}

public static class MetricLoop
{
    public static void Fit(MetricRun run, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (run is { Loader.BatchSampler: IEpochAware b }) b.SetEpoch(epoch);
            if (run is { Loader.Sampler: IEpochAware s }) s.SetEpoch(epoch);
            foreach (var batch in run.Loader)
            {
                using var scope = NewDisposeScope();
                _ = batch["emb"].norm();
            }
        }
    }
}
