// Scenario: one factory serves single-GPU, data-parallel and P×K runs, so every argument that could conflict is computed: `batchSampler: usePk ? pk : null` beside `batchSize: usePk ? 1 : options.BatchSize`, `shuffle: !usePk` and `dropLast: !usePk && DropRagged` (a `static readonly bool`); the data-parallel branch passes `shuffle: shard is null` beside `sampler: shard`, and a target-typed `new(data, BatchSizes.Eval)` over a `static readonly int`. Right: none is a constant that conflicts, and the runtime accepts every combination the code can produce. CMP006 page, not flagged: "Values that are not constants: `shuffle: isTrain`, `batchSize: options.BatchSize`, a `static readonly` field. Only `const` and literal values are judged" (a `?:` batch sampler counts as given, but then only "a `batchSize` other than 1 beside it", a constant, is flagged). No diagnostic.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam27.TernaryArguments;

public sealed record LoaderOptions(int BatchSize, bool UsePk, int ClassesPerBatch, int SamplesPerClass, int Seed);

public static class BatchSizes
{
    public static readonly int Eval = 256;
}

public static class Loaders
{
    private static readonly bool DropRagged = Environment.GetEnvironmentVariable("DROP_RAGGED") == "1";

    public static EpochDataLoader Train(InMemoryDataset data, IReadOnlyList<long> labels, LoaderOptions options)
    {
        bool usePk = options.UsePk;
        IBatchSampler? pk = usePk
            ? new ClassBalancedBatchSampler(labels, options.ClassesPerBatch, options.SamplesPerClass, options.Seed)
            : null;
        DistributedSampler? shard = !usePk && Dist.WorldSize > 1 ? new DistributedSampler(data.Count, seed: options.Seed) : null;

        if (shard is not null)
            return new EpochDataLoader(data, options.BatchSize, shuffle: shard is null, sampler: shard, dropLast: DropRagged, seed: options.Seed);

        return new EpochDataLoader(
            data,
            batchSize: usePk ? 1 : options.BatchSize,
            shuffle: !usePk,
            batchSampler: usePk ? pk : null,
            dropLast: !usePk && DropRagged,
            seed: options.Seed);
    }

    public static EpochDataLoader Eval(InMemoryDataset data)
    {
        EpochDataLoader loader = new(data, BatchSizes.Eval);
        return loader;
    }

    public static void Describe(EpochDataLoader loader) =>
        Console.WriteLine($"{loader.Count} batches of {loader.BatchSize?.ToString() ?? "sampler-decided size"}, dropLast={loader.DropLast}");
}
