// Scenario: a parameterised test lists loader factories over a batch sampler; two cases pass arguments the batch sampler excludes (dropLast: true; a positional batch size 32 and shuffle true), which the runtime rejects (wrong)
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

public sealed class BatchSamplerLoaderTests
{
    private const int Samples = 200;

    public static IEnumerable<object[]> Factories()
    {
        yield return Case("batch sampler only", (d, b) => new EpochDataLoader(d, batchSampler: b));
        yield return Case("batch sampler, last batch dropped", (d, b) => new EpochDataLoader(d, batchSampler: b, dropLast: true)); //! CMP006
        yield return Case("positional, as in the README", (d, b) => new EpochDataLoader(d, 32, true, null, b)); //! CMP006 CMP006
        yield return Case("batch sampler, prefetching", (d, b) => new EpochDataLoader(d, batchSampler: b, prefetch: true));
    }

    private static object[] Case(string name, Func<InMemoryDataset, IBatchSampler, EpochDataLoader> make) =>
        new object[] { name, make };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Loader_yields_what_its_batch_sampler_says(string name, Func<InMemoryDataset, IBatchSampler, EpochDataLoader> make)
    {
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(Samples, 5),
            ["label"] = randint(0, 4, new long[] { Samples }, dtype: ScalarType.Int64),
        });
        var batches = new BatchSampler(new RandomSampler(Samples, seed: 4), 32, dropLast: true);
        using var loader = make(data, batches);

        if (loader.Count != batches.Count)
            throw new InvalidOperationException($"{name}: {loader.Count} batches, the batch sampler has {batches.Count}");
        if (loader.BatchSize is not null)
            throw new InvalidOperationException($"{name}: BatchSize should be null when a batch sampler decides");
    }
}
