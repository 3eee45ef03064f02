// Scenario: Composer's bug ported - a reshuffle callback given a loader from outside sets only (loader.Sampler as IEpochAware)'s epoch; the loader draws from a BatchSampler over a DistributedSampler - wrong, CMP001.
using Composer.Data;
using Composer.Distributed;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.InjectedReshuffle;

public sealed class ContrastiveReshuffle : Callback
{
    private readonly EpochDataLoader _pairs;

    public ContrastiveReshuffle(EpochDataLoader pairs) => _pairs = pairs;

    public override void EpochStart(State state, Logger logger)
    {
        (_pairs.Sampler as IEpochAware)?.SetEpoch(state.Timestamp.Epoch); //! CMP001
        logger.LogMetrics(new Dictionary<string, double> { ["pairs/batches"] = _pairs.Count });
    }
}

public static class Setup
{
    public static Trainer Build(InMemoryDataset data, InMemoryDataset pairsData, ComposerModel model, optim.Optimizer optimizer)
    {
        var pairs = new EpochDataLoader(pairsData,
            batchSampler: new BatchSampler(new DistributedSampler(pairsData.Count, Dist.WorldSize, Dist.Rank, seed: 3), 64));
        var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
        return new Trainer(new TrainerOptions
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = train,
            MaxDuration = "10ep",
            Callbacks = [new ContrastiveReshuffle(pairs)],
        });
    }
}
