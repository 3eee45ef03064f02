// Scenario: a reproducibility test builds TorchSharp's DataLoader with shuffle: true and a fixed seed (1234) and checks that two enumerations give one order; wrong: a seeded shuffling TorchSharp loader repeats its order and is flagged even in such a test (suppress it there if the repeat is intended)
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;

namespace Composer.Checks.Reproducibility;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class TorchSharpLoaderReproducibilityTests
{
    private static InMemoryDataset Rows(int n) => new(new Dictionary<string, Tensor>
    {
        ["data"] = randn(n, 4),
        ["index"] = arange(n, dtype: ScalarType.Int64),
    });

    private static long[] ReadOrder(DataLoader loader)
    {
        var order = new List<long>();
        foreach (var batch in loader)
            order.AddRange(batch["index"].data<long>().ToArray());
        return order.ToArray();
    }

    [Fact]
    public void Same_seed_gives_the_same_order_twice()
    {
        using var rows = Rows(100);
        using var loader = new DataLoader(rows, 10, shuffle: true, seed: 1234, disposeDataset: false); //! CMP003

        var first = ReadOrder(loader);
        var second = ReadOrder(loader);

        if (!first.SequenceEqual(second))
            throw new InvalidOperationException("seeded loader gave two different orders");
        if (first.SequenceEqual(Enumerable.Range(0, 100).Select(i => (long)i)))
            throw new InvalidOperationException("shuffle: true returned the data set in order");
        if (first.Distinct().Count() != 100)
            throw new InvalidOperationException("an index was repeated or dropped");
    }
}
