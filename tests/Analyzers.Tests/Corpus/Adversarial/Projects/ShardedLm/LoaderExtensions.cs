using Composer.Data;

namespace ShardedLm;

public static class LoaderExtensions
{
    /// <summary>A token-block loader whose batches come from a batch sampler over this rank's shard.</summary>
    public static EpochDataLoader ShardedLoader(this InMemoryDataset blocks, int batchSize, int seed) =>
        new(blocks, batchSampler: new BatchSampler(new DistributedSampler(blocks.Count, seed: seed), batchSize), prefetch: true);

    /// <summary>Reshuffles every part of the loader for <paramref name="epoch"/>.</summary>
    public static void PrepareEpoch(this EpochDataLoader loader, int epoch) => loader.SetEpoch(epoch);

    public static long TokensPerEpoch(this EpochDataLoader loader, int blockSize) => loader.Count * blockSize;
}
