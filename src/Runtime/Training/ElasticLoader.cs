using Composer.Data;

namespace Composer.Training;

/// <summary>
/// The part of a train loader that can resume an interrupted epoch on a different number of ranks
/// (<see cref="IElasticSampler"/>), and how many of its indices or batches a number of the loader's batches is.
/// </summary>
internal sealed record ElasticLoader(IElasticSampler Sampler, Func<long, long> ConsumedOnThisRank)
{
    /// <summary>
    /// The elastic part of a loader that says where its indices come from (<see cref="IDataLoader{TBatch}.BatchSampler"/>):
    /// its batch sampler when that is elastic (<see cref="ClassBalancedBatchSampler"/>), or the elastic sampler inside its
    /// <see cref="BatchSampler"/> (<see cref="DistributedSampler"/>); null for any other loader.
    /// </summary>
    /// <param name="loader">The train loader as given, or the trainer's view of it: both say the same batch sampler.</param>
    public static ElasticLoader? Find(object loader)
    {
        if (loader is not IDataLoader<object> { BatchSampler: { } batchSampler })
        {
            return null;
        }

        if (batchSampler is IElasticSampler batches)
        {
            return new ElasticLoader(batches, consumed => Math.Min(consumed, batchSampler.Count));
        }

        if (batchSampler is BatchSampler { Sampler: IElasticSampler and ISampler sampler } fixedSize)
        {
            long size = fixedSize.BatchSize;
            return new ElasticLoader((IElasticSampler)sampler, consumed => consumed > sampler.Count / size ? sampler.Count : Math.Min(consumed * size, sampler.Count));
        }

        return null;
    }
}
