// Scenario: a parameterised test lists loader factories whose arguments only look like conflicts: batchSize: 1 beside a batch sampler, sampler: null beside shuffle: true, batchSampler: null beside batchSize and dropLast, shuffle: false beside a sampler (right)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Cases;

[AttributeUsage(AttributeTargets.Method)]
file sealed class TheoryAttribute : Attribute { }

[AttributeUsage(AttributeTargets.Method)]
file sealed class MemberDataAttribute : Attribute
{
    public MemberDataAttribute(string member) => Member = member;
    public string Member { get; }
}

public sealed class LoaderConstructionTests
{
    private const int Samples = 130;
    private const int Batch = 1;

    public static IEnumerable<object[]> Cases()
    {
        yield return Case("pk, batch size left at 1", 130 / 20, d => new EpochDataLoader(d, batchSize: Batch, batchSampler: PkFor(d)));
        yield return Case("shuffle, no sampler", 5, d => new EpochDataLoader(d, batchSize: 32, shuffle: true, sampler: null, seed: 3));
        yield return Case("no batch sampler, drop last", 4, d => new EpochDataLoader(d, batchSize: 32, batchSampler: null, dropLast: true));
        yield return Case("sampler, shuffle off", 3, d => new EpochDataLoader(d, batchSize: 64, shuffle: false, sampler: new RandomSampler(d.Count, seed: 3)));
        yield return Case("positional, no sampling arguments", 9, d => new EpochDataLoader(d, 16, false, null, null, false));
    }

    private static ClassBalancedBatchSampler PkFor(InMemoryDataset data) =>
        new(data.Columns["label"].data<long>().ToArray(), classesPerBatch: 5, samplesPerClass: 4, seed: 3);

    private static object[] Case(string name, long expectedBatches, Func<InMemoryDataset, EpochDataLoader> make) =>
        new object[] { name, expectedBatches, make };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loader_builds_and_counts_its_batches(string name, long expectedBatches, Func<InMemoryDataset, EpochDataLoader> make)
    {
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(Samples, 4),
            ["label"] = tensor(Enumerable.Range(0, Samples).Select(i => (long)(i % 10)).ToArray()),
        });
        using var loader = make(data);
        if (loader.Count != expectedBatches)
            throw new InvalidOperationException($"{name}: {loader.Count} batches, expected {expectedBatches}");
    }
}
