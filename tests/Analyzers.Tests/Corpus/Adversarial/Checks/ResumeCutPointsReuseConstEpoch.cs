// Scenario: a mid-epoch resume test loops over cut points and on each pass sets the same const epoch and iterates loader.IterateFrom(cut); that loop iterates the loader, so it is an epoch loop whose epoch argument never changes (wrong, though the repeat is deliberate)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Resume;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class IterateFromTests
{
    private const int Samples = 120;
    private const int BatchSize = 10;
    private const int Epoch = 2;

    private static InMemoryDataset Indexed() => new(new Dictionary<string, Tensor>
    {
        ["data"] = randn(Samples, 6),
        ["index"] = arange(Samples, dtype: ScalarType.Int64),
    });

    [Fact]
    public void Resuming_at_any_batch_yields_the_rest_of_the_same_epoch()
    {
        using var data = Indexed();
        using var loader = new EpochDataLoader(data, batchSize: BatchSize, shuffle: true, seed: 8);
        loader.SetEpoch(Epoch);
        var full = new List<long>();
        foreach (var batch in loader) full.AddRange(batch["index"].data<long>().ToArray());

        foreach (long cut in new long[] { 1, 5, 11, 12 })
        {
            // Re-reading epoch 2 for every cut point is the point of this test.
            loader.SetEpoch(Epoch); //! CMP004
            var tail = new List<long>();
            foreach (var batch in loader.IterateFrom(cut))
                tail.AddRange(batch["index"].data<long>().ToArray());

            var expected = full.Skip((int)(cut * BatchSize)).ToList();
            if (!tail.SequenceEqual(expected))
                throw new InvalidOperationException($"resume at batch {cut}: got {tail.Count} indices, expected {expected.Count}");
        }
    }
}
