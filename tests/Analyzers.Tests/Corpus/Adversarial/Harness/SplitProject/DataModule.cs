// Scenario (a project of two files, compiled together): the data module builds a loader that draws its batches from a
// class-balanced batch sampler; the trainer in Trainer.cs sets the epoch of its sampler only.
using Composer.Data;

namespace Harness.SplitProject;

public sealed class DataModule(InMemoryDataset train, long[] labels)
{
    public EpochDataLoader Train { get; } = new(train, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 3));
}
