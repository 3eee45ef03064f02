using Composer.Data;
using Composer.Training;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class ElasticLoaderTests
{
    /// <summary>
    /// A loader of fixed-size batches over a DistributedSampler resumes through the sampler: a number of consumed batches
    /// is that many batches of indices, the last (partial) batch ending at the rank's count, and any number past the end
    /// is the whole count (without overflowing).
    /// </summary>
    [Fact]
    public void ConsumedBatchesOfADistributedSamplerAreItsIndicesUpToTheRanksCount()
    {
        var sampler = new DistributedSampler(20, numReplicas: 2, rank: 0, seed: 3); // 10 indices on this rank: batches of 4, 4 and 2
        using var loader = new EpochDataLoader(TrainingFixtures.Dataset(20), batchSampler: new BatchSampler(sampler, 4), disposeDataset: true);
        var elastic = ElasticLoader.Find(loader);
        Assert.NotNull(elastic);
        Assert.Same(sampler, elastic.Sampler);
        long[] consumed = [0, 1, 2, 3, 4, long.MaxValue / 2, long.MaxValue];
        Assert.Equal([0L, 4, 8, 10, 10, 10, 10], consumed.Select(elastic.ConsumedOnThisRank));
    }
}
