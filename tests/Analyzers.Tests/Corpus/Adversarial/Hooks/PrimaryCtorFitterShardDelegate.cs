// Scenario: a primary-constructor fitter builds its loader lazily (`_loader ??= new EpochDataLoader(data, batchSampler: new BatchSampler(_shard, …))`) and subscribes the DistributedSampler field's SetEpoch to its own EpochStarting event for the fit, unsubscribing in `finally`; the sampler inside the batch sampler is set via the delegate, so nothing is flagged.
using Composer.Data;

namespace PcFit;

public sealed class PcShardFitter(InMemoryDataset data, int batchSize)
{
    private readonly DistributedSampler _shard = new DistributedSampler(data.Count, seed: 11);
    private EpochDataLoader? _loader;

    public event Action<int>? EpochStarting;

    public void Fit(int epochs)
    {
        _loader ??= new EpochDataLoader(data, batchSampler: new BatchSampler(_shard, batchSize));
        EpochStarting += _shard.SetEpoch;
        try
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                EpochStarting?.Invoke(epoch);
                foreach (var batch in _loader)
                {
                    _ = batch.Keys.Count;
                }
            }
        }
        finally
        {
            EpochStarting -= _shard.SetEpoch;
        }
    }
}
