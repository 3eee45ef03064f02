// Scenario: a Composer.Training.Callback ported from Composer's DistributedSamplerCallback: EpochStart sets the epoch on `TrainLoader.Sampler is DistributedSampler ddp`, but the loader it built draws from a BatchSampler over that DistributedSampler (visible creation passes batchSampler:), so only the SequentialSampler is reached — CMP001.
using Composer.Data;
using Composer.Training;

namespace ComposerPort.Callbacks;

public sealed class DdpSamplerEpochCallback : Callback
{
    public DdpSamplerEpochCallback(InMemoryDataset data, int batchSize)
    {
        TrainLoader = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new DistributedSampler(data.Count, seed: 13), batchSize));
    }

    public EpochDataLoader TrainLoader { get; }

    public override void EpochStart(State state, Logger logger)
    {
        if (TrainLoader.Sampler is DistributedSampler ddp) ddp.SetEpoch(state.Timestamp.Epoch); //! CMP001
    }
}
