using Composer.Data;

namespace DdpClassifier;

/// <summary>
/// Lightning-style data module: owns the train/eval splits and the loaders built over them.
/// Each rank reads its own shard; the training batches come from a batch sampler over the shard.
/// </summary>
public sealed class DataModule : IDisposable
{
    public DataModule(InMemoryDataset train, InMemoryDataset eval, int batchSize, int seed)
    {
        TrainShard = new DistributedSampler(train.Count, seed: seed, dropLast: true);
        Train = new EpochDataLoader(train, batchSampler: new BatchSampler(TrainShard, batchSize), prefetch: true);
        Eval = new EpochDataLoader(eval, batchSize: 256, sampler: new DistributedSampler(eval.Count, shuffle: false));
    }

    public DistributedSampler TrainShard { get; }

    public EpochDataLoader Train { get; }

    public EpochDataLoader Eval { get; }

    public long TrainBatches => Train.Count;

    public void Dispose()
    {
        Train.Dispose();
        Eval.Dispose();
    }
}
