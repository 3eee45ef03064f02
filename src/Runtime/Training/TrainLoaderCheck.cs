using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>Rejects data-parallel train loaders that would make the ranks take different numbers of steps.</summary>
internal static class TrainLoaderCheck
{
    /// <summary>
    /// One all-gather, at the start of data-parallel training: every rank's batches per epoch and, for a loader
    /// that shards one data set across the ranks, that data set's length. Throws on every rank, naming each
    /// rank's value, when they differ: otherwise the ranks with more batches would wait forever in the
    /// all-reduce of a step that the others never take.
    /// </summary>
    public static void EnsureRanksAgree(IDataLoader<object> loader, long? batchesPerEpoch, string parameterName)
    {
        long sharded = ShardsOneDataSet(loader.BatchSampler) && loader.DatasetLength is { } length ? length : -1;
        using var mine = tensor(new[] { batchesPerEpoch ?? -1, sharded });
        using var gathered = Dist.AllGather(mine);
        var everyone = gathered.data<long>().ToArray();
        long[] batches = Column(everyone, 0), lengths = Column(everyone, 1);

        if (batches.All(b => b >= 0) && batches.Distinct().Count() > 1)
        {
            throw new ArgumentException(
                $"{parameterName} yields a different number of batches per epoch on the ranks ({PerRank(batches)}). Data-parallel training " +
                "takes every step on all ranks together, so the ranks with more batches would wait forever for the others. Give every rank " +
                "the same number of samples, or shard one data set with a DistributedSampler (an EpochDataLoader with shuffle: true does).",
                parameterName);
        }

        if (lengths.All(l => l >= 0) && lengths.Distinct().Count() > 1)
        {
            throw new ArgumentException(
                $"{parameterName} shards its data set across the ranks, which expects the same data set on every rank, but its length differs " +
                $"({PerRank(lengths)}). Load the whole data set on every rank, or give each rank its own shard with a sequential sampler.",
                parameterName);
        }
    }

    /// <summary>Whether the batches deal one data set out to the ranks: a P×K sampler, or batches of a <see cref="DistributedSampler"/>.</summary>
    private static bool ShardsOneDataSet(IBatchSampler? batchSampler) =>
        batchSampler is ClassBalancedBatchSampler or BatchSampler { Sampler: DistributedSampler };

    private static long[] Column(long[] rows, int column) => Enumerable.Range(0, rows.Length / 2).Select(r => rows[2 * r + column]).ToArray();

    private static string PerRank(long[] values) => string.Join(", ", values.Select((v, rank) => $"rank {rank}: {v}"));
}
