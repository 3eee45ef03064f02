// Scenario: a loader factory and a data module hide conflicting EpochDataLoader arguments (batch sampler with batchSize/shuffle/dropLast constants, sampler with shuffle: true, positional too); the spec-driven and batchSize: 1 creations are fine: bugs (CMP006, one per conflicting argument).
using Composer.Data;

namespace Wrappers.LoaderFactory;

public sealed record LoaderSpec(int BatchSize, bool Shuffle, int Seed);

public static class LoaderFactory
{
    private const int DefaultBatch = 32;

    public static EpochDataLoader PerClass(InMemoryDataset data, IReadOnlyList<long> labels, LoaderSpec spec)
    {
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: spec.Seed);
        return new EpochDataLoader(data, batchSize: DefaultBatch, shuffle: true, batchSampler: pk); //! CMP006 CMP006
    }

    public static EpochDataLoader Sharded(InMemoryDataset data, LoaderSpec spec) =>
        new EpochDataLoader(data, 64, true, new DistributedSampler(data.Count, seed: spec.Seed)); //! CMP006

    // Not constants: the runtime would reject a bad spec, but nothing here is a written conflict.
    public static EpochDataLoader FromSpec(InMemoryDataset data, IBatchSampler? batches, LoaderSpec spec) =>
        new EpochDataLoader(data, batchSize: spec.BatchSize, shuffle: spec.Shuffle, batchSampler: batches);

    // batchSize 1, shuffle false and sampler null agree with a batch sampler.
    public static EpochDataLoader Single(InMemoryDataset data, IBatchSampler batches) =>
        new EpochDataLoader(data, 1, false, null, batches);

    // A sampler with shuffle left at its default, and dropLast without a batch sampler: fine.
    public static EpochDataLoader Shuffled(InMemoryDataset data, LoaderSpec spec) =>
        new EpochDataLoader(data, batchSize: spec.BatchSize, sampler: new RandomSampler(data.Count, seed: spec.Seed), dropLast: true);
}

public sealed class RetrievalDataModule(InMemoryDataset data, IReadOnlyList<long> labels)
{
    public EpochDataLoader Train { get; } = new(data, batchSampler: new ClassBalancedBatchSampler(labels, 8, 4), dropLast: true); //! CMP006

    public EpochDataLoader Gallery { get; } = new(data, batchSize: 512, shuffle: false);
}
