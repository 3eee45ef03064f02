namespace Composer.Data;

/// <summary>
/// How a loader's arguments become its sampler and batch sampler, with PyTorch's rules, and the check that keeps
/// their indices inside the data set.
/// </summary>
internal static class LoaderSamplers
{
    public static (ISampler Sampler, IBatchSampler BatchSampler, IndexCheck Indices) Create(
        Func<long> datasetCount, int batchSize, bool shuffle, ISampler? sampler, IBatchSampler? batchSampler, bool dropLast, int seed)
    {
        long length = datasetCount();
        if (batchSampler is not null)
        {
            // PyTorch: batch_sampler is mutually exclusive with batch_size, shuffle, sampler, and drop_last.
            if (batchSize != 1) throw new ArgumentException($"batchSampler is given, so batchSize must be left at 1, but was {batchSize}; the batch sampler decides the batch size.", nameof(batchSize));
            if (shuffle) throw new ArgumentException("batchSampler is given, so shuffle must be false; the batch sampler decides the order.", nameof(shuffle));
            if (sampler is not null) throw new ArgumentException("batchSampler is given, so sampler must be null; the batch sampler decides the indices.", nameof(sampler));
            if (dropLast) throw new ArgumentException("batchSampler is given, so dropLast must be false; the batch sampler decides the batches.", nameof(dropLast));
            // As in PyTorch, the loader's own sampler is then a plain sequential one: setting its epoch does nothing.
            return (new SequentialSampler(length), batchSampler, IndexCheck.For(datasetCount, nameof(batchSampler), batchSampler));
        }
        Check.Positive(batchSize);
        if (sampler is not null && shuffle)
            throw new ArgumentException("sampler is given, so shuffle must be false; the sampler decides the order.", nameof(shuffle));
        if (sampler is null && length == 0)
            throw new ArgumentException("The data set is empty: there is nothing to load.", "dataset");
        string source = sampler is null ? "dataset" : nameof(sampler);
        if (sampler is null && shuffle) Check.HeldInMemory(length, "a permutation of all of its samples for shuffle: true (torch.randperm)", "dataset", subject: "dataset.Count");
        sampler ??= !shuffle
            ? new SequentialSampler(length)
            : Distributed.Dist.WorldSize > 1
                ? new DistributedSampler(length, seed: seed) // shard automatically under a launcher
                : new RandomSampler(length, seed);
        return (sampler, new BatchSampler(sampler, batchSize, dropLast), IndexCheck.For(datasetCount, source, sampler));
    }
}
