// Scenario: a loader factory for a metric-learning pipeline passes batchSize/shuffle/dropLast constants next to a batch sampler, and shuffle: true next to a sampler — wrong (CMP006 per conflicting constant); the non-constant and batchSize: 1 variants are fine.
using Composer.Data;
using Composer.Distributed;

namespace Relecloud.Embeddings.Pipeline;

public sealed record PipelineOptions(int BatchSize, bool ShuffleEval, int Seed, int ClassesPerBatch, int SamplesPerClass);

public static class LoaderFactory
{
    private const bool Shuffle = true;

    public static EpochDataLoader PkTrain(InMemoryDataset data, IReadOnlyList<long> labels, PipelineOptions o)
    {
        var pk = new ClassBalancedBatchSampler(labels, o.ClassesPerBatch, o.SamplesPerClass, seed: o.Seed);
        return new EpochDataLoader(data, batchSize: 64, shuffle: Shuffle, batchSampler: pk, prefetch: true); //! CMP006 CMP006
    }

    public static EpochDataLoader PkTrainDropRagged(InMemoryDataset data, IReadOnlyList<long> labels, PipelineOptions o)
    {
        var pk = new ClassBalancedBatchSampler(labels, o.ClassesPerBatch, o.SamplesPerClass, seed: o.Seed);
        return new EpochDataLoader(data, batchSize: o.BatchSize, dropLast: true, batchSampler: pk); //! CMP006
    }

    public static EpochDataLoader ShardedPretrain(InMemoryDataset data, PipelineOptions o) =>
        new EpochDataLoader(data, 128, true, new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: o.Seed)); //! CMP006

    public static EpochDataLoader PkEval(InMemoryDataset data, IReadOnlyList<long> labels, PipelineOptions o)
    {
        var pk = new ClassBalancedBatchSampler(labels, o.ClassesPerBatch, o.SamplesPerClass, seed: 0);
        return new EpochDataLoader(data, batchSize: 1, shuffle: o.ShuffleEval, sampler: null, batchSampler: pk);
    }

    public static IReadOnlyDictionary<string, EpochDataLoader> BuildAll(InMemoryDataset data, IReadOnlyList<long> labels, PipelineOptions o) =>
        new Dictionary<string, EpochDataLoader>
        {
            ["pk"] = PkTrain(data, labels, o),
            ["pk-drop"] = PkTrainDropRagged(data, labels, o),
            ["pretrain"] = ShardedPretrain(data, o),
            ["eval"] = PkEval(data, labels, o),
        };
}
