// Scenario: loaders whose potentially conflicting arguments are null or not constants (`batchSize: options.BatchSize` with a batch sampler, `sampler: null, shuffle: true`, `batchSampler: null` with batch size and dropLast, `batchSize: 1` with a batch sampler); correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp006NonConstantAndNullArguments;

public sealed class LoaderOptions
{
    public int BatchSize { get; init; } = 1;
    public bool DropLast { get; init; }
    public int Seed { get; init; }
}

public static class Factory
{
    public static IReadOnlyList<EpochDataLoader> Build(InMemoryDataset data, LoaderOptions options, IBatchSampler? custom)
    {
        var pk = new BatchSampler(new RandomSampler(data.Count, seed: options.Seed), 32);
        return
        [
            new EpochDataLoader(data, batchSize: options.BatchSize, batchSampler: pk),
            new EpochDataLoader(data, 64, true, null, seed: options.Seed),
            new EpochDataLoader(data, batchSize: 64, dropLast: true, batchSampler: null),
            new EpochDataLoader(data, batchSampler: custom ?? pk, batchSize: 1, dropLast: options.DropLast),
        ];
    }
}
