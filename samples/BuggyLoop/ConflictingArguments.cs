using Composer.Data;

static class ConflictingArguments
{
    // CMP006 is an error: the runtime would throw ArgumentException here.
    public static EpochDataLoader Make(InMemoryDataset data, IBatchSampler batches) =>
        new EpochDataLoader(data, batchSize: 32, batchSampler: batches); // CMP006
}
