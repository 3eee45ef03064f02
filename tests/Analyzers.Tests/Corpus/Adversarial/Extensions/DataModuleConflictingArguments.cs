// Scenario: a data module whose loader factories pass conflicting sampling arguments (batchSize/shuffle/dropLast with a batch sampler, shuffle with a sampler) - wrong, CMP006 on each conflict; the non-constant and batchSize: 1 ones are fine.
using Composer.Data;
using Composer.Distributed;

namespace Lab.Blind17.DataModule;

public sealed class RetrievalDataModule
{
    private const int BatchSize = 32;
    private readonly InMemoryDataset _train;
    private readonly long[] _labels;
    private readonly bool _shuffle;

    public RetrievalDataModule(InMemoryDataset train, bool shuffle)
    {
        _train = train;
        _labels = train.Columns["label"].data<long>().ToArray();
        _shuffle = shuffle;
    }

    public EpochDataLoader PkLoader() =>
        new EpochDataLoader(_train, batchSize: 64, shuffle: true, batchSampler: new ClassBalancedBatchSampler(_labels, 8, 8, seed: 3)); //! CMP006 CMP006 batchSize, shuffle

    public EpochDataLoader PkLoaderConstBatch(IBatchSampler pk) =>
        new EpochDataLoader(_train, batchSize: BatchSize, batchSampler: pk, dropLast: true); //! CMP006 CMP006 const batchSize, dropLast

    public EpochDataLoader ShardLoader() =>
        new EpochDataLoader(_train, 64, true, new DistributedSampler(_train.Count, Dist.WorldSize, Dist.Rank)); //! CMP006 positional shuffle

    public EpochDataLoader PkLoaderOk(IBatchSampler pk) => new EpochDataLoader(_train, batchSize: 1, batchSampler: pk);

    public EpochDataLoader ShardLoaderOk() =>
        new EpochDataLoader(_train, batchSize: 64, shuffle: _shuffle, sampler: new DistributedSampler(_train.Count, Dist.WorldSize, Dist.Rank));
}
