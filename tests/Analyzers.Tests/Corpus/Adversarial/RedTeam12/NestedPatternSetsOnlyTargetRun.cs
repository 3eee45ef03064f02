// Scenario: two runs built in view with a shuffling RandomSampler each; the loop sets the target run's sampler through a nested pattern (`tgt is { Loader: { Sampler: IEpochAware s } }`) but never the source run's loader — CMP002 at the iteration of `src.Loader` (src and tgt are different parameters, so tgt's setter does not reach src.Loader).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.NestedPatternSetsOnlyTargetRun;

public sealed class AlignRun
{
    public AlignRun(InMemoryDataset data, int seed)
    {
        Loader = new EpochDataLoader(data, batchSize: 32, sampler: new RandomSampler(data.Count, seed: seed));
    }

    public EpochDataLoader Loader { get; }
}

public static class Aligner
{
    public static void Fit(AlignRun src, AlignRun tgt, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (tgt is { Loader: { Sampler: IEpochAware s } }) s.SetEpoch(epoch);
            foreach (var batch in src.Loader) //! CMP002
            {
                _ = batch["x"].sum();
            }
            foreach (var batch in tgt.Loader)
            {
                _ = batch["x"].sum();
            }
        }
    }
}
