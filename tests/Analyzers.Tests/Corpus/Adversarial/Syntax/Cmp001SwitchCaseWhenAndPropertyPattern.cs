// Scenario: a generic fit method over `EpochDataLoader<T, TBatch>` reshuffles through `switch (loader.Sampler)` with a `case ... when` label and a property pattern `case DistributedSampler { Shuffle: true } ds:`; the loader is a parameter, so it may draw from a batch sampler (bug: CMP001 twice).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp001SwitchCaseWhenAndPropertyPattern;

public sealed record Row(float[] Features, long Label);

public static class GenericFit
{
    public static void Fit<TBatch>(EpochDataLoader<Row, TBatch> loader, Action<TBatch> step, int epochs)
        where TBatch : class
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            switch (loader.Sampler)
            {
                case RandomSampler rs when epoch > 0:
                    rs.SetEpoch(epoch); //! CMP001
                    break;
                case DistributedSampler { Shuffle: true } ds:
                    ds.SetEpoch(epoch); //! CMP001
                    break;
            }
            foreach (var batch in loader) step(batch);
        }
    }
}
