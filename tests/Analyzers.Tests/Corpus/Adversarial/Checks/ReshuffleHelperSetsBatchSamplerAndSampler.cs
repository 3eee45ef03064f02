// Scenario: a helper shared by tests reshuffles any loader it is handed by setting the epoch on loader.BatchSampler and then on loader.Sampler when each is epoch-aware; the batch sampler is handled on the same pass, so the Sampler call is harmless (right)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Helpers;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public static class LoaderTestHelpers
{
    /// <summary>Tells every sampling part of <paramref name="loader"/> the epoch, whatever it was built with.</summary>
    public static void Reshuffle(EpochDataLoader loader, int epoch)
    {
        if (loader.BatchSampler is IEpochAware batches) batches.SetEpoch(epoch);
        if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
    }

    public static List<long> ReadIndices(EpochDataLoader loader)
    {
        var indices = new List<long>();
        foreach (var batch in loader) indices.AddRange(batch["index"].data<long>().ToArray());
        return indices;
    }

    public static InMemoryDataset Labelled(long[] labels) => new(new Dictionary<string, Tensor>
    {
        ["data"] = randn(labels.Length, 8),
        ["label"] = tensor(labels),
        ["index"] = arange(labels.Length, dtype: ScalarType.Int64),
    });
}

public sealed class ReshuffleHelperTests
{
    private static readonly long[] Labels = Enumerable.Range(0, 96).Select(i => (long)(i % 6)).ToArray();

    [Fact]
    public void Reshuffle_changes_pk_batches()
    {
        using var data = LoaderTestHelpers.Labelled(Labels);
        using var loader = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(Labels, classesPerBatch: 3, samplesPerClass: 4, seed: 2));
        LoaderTestHelpers.Reshuffle(loader, 0);
        var first = LoaderTestHelpers.ReadIndices(loader);
        LoaderTestHelpers.Reshuffle(loader, 1);
        var second = LoaderTestHelpers.ReadIndices(loader);
        if (first.SequenceEqual(second)) throw new InvalidOperationException("P×K batches did not change");
    }

    [Fact]
    public void Reshuffle_changes_a_plain_shuffled_loader()
    {
        using var data = LoaderTestHelpers.Labelled(Labels);
        using var loader = new EpochDataLoader(data, batchSize: 12, sampler: new RandomSampler(Labels.Length, seed: 2));
        LoaderTestHelpers.Reshuffle(loader, 0);
        var first = LoaderTestHelpers.ReadIndices(loader);
        LoaderTestHelpers.Reshuffle(loader, 1);
        var second = LoaderTestHelpers.ReadIndices(loader);
        if (first.SequenceEqual(second)) throw new InvalidOperationException("random sampler did not reshuffle");
    }
}
