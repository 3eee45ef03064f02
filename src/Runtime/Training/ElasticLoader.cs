using Composer.Data;

namespace Composer.Training;

/// <summary>
/// The part of a train loader that can resume an interrupted epoch on a different number of ranks
/// (<see cref="IElasticSampler"/>), and how many of its indices or batches a number of the loader's batches is.
/// </summary>
internal sealed record ElasticLoader(IElasticSampler Sampler, Func<long, long> ConsumedOnThisRank)
{
    /// <summary>
    /// The elastic part of an <see cref="EpochDataLoader"/>: its batch sampler when that is elastic
    /// (<see cref="ClassBalancedBatchSampler"/>), or the elastic sampler inside its <see cref="BatchSampler"/>
    /// (<see cref="DistributedSampler"/>); null for any other loader.
    /// </summary>
    public static ElasticLoader? Find(object loader)
    {
        if (loader is not EpochDataLoader epochLoader)
        {
            return null;
        }

        if (epochLoader.BatchSampler is IElasticSampler batches)
        {
            var counted = epochLoader.BatchSampler;
            return new ElasticLoader(batches, consumed => Math.Min(consumed, counted.Count));
        }

        if (epochLoader.BatchSampler is BatchSampler { Sampler: IElasticSampler and ISampler sampler } batchSampler)
        {
            long size = batchSampler.BatchSize;
            return new ElasticLoader((IElasticSampler)sampler, consumed => consumed > sampler.Count / size ? sampler.Count : Math.Min(consumed * size, sampler.Count));
        }

        return null;
    }
}
