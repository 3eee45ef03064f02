// Scenario: a library's static loader factory passes shuffle: true positionally next to a DistributedSampler, which the runtime rejects (wrong); the eval factory is fine
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace ShardedTraining;

/// <summary>Creates loaders that shard a data set across the ranks of an <c>mpirun</c> job.</summary>
public static class ShardedLoaders
{
    /// <summary>
    /// A training loader that gives this rank its share of <paramref name="data"/>, reshuffled every epoch once
    /// its epoch is set. <paramref name="batchSize"/> is per rank.
    /// </summary>
    public static EpochDataLoader ForTraining(InMemoryDataset data, int batchSize, int seed = 0)
    {
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: seed);
        return new EpochDataLoader(data, batchSize, true, shard, dropLast: false); //! CMP006
    }

    /// <summary>An evaluation loader: this rank's share, in order.</summary>
    public static EpochDataLoader ForEvaluation(InMemoryDataset data, int batchSize = 512)
    {
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, shuffle: false);
        return new EpochDataLoader(data, batchSize, sampler: shard);
    }
}
