// Scenario: a reproducibility test sets epoch 3 on a shuffling EpochDataLoader, reads its order, sets epoch 3 again and reads it again, then epoch 4; no loop runs around the reads, so nothing here is an epoch loop (right)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Reproducibility;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class EpochOrderReproducibilityTests
{
    private static InMemoryDataset Indexed(int n) => new(new Dictionary<string, Tensor>
    {
        ["data"] = randn(n, 16),
        ["index"] = arange(n, dtype: ScalarType.Int64),
    });

    private static long[] ReadOrder(EpochDataLoader loader)
    {
        var order = new List<long>();
        foreach (var batch in loader) order.AddRange(batch["index"].data<long>().ToArray());
        return order.ToArray();
    }

    [Fact]
    public void One_epoch_gives_one_order_and_the_next_epoch_another()
    {
        using var data = Indexed(500);
        using var loader = new EpochDataLoader(data, batchSize: 50, shuffle: true, seed: 42);
        loader.ReplayedEpochPolicy = ReplayedEpochPolicy.Throw;

        loader.SetEpoch(3);
        var first = ReadOrder(loader);

        loader.SetEpoch(3); // same epoch again: must give the same order
        var again = ReadOrder(loader);

        loader.SetEpoch(4);
        var next = ReadOrder(loader);

        if (!first.SequenceEqual(again))
            throw new InvalidOperationException("epoch 3 read twice gave two orders");
        if (first.SequenceEqual(next))
            throw new InvalidOperationException("epoch 4 repeated epoch 3's order");
        if (first.Distinct().Count() != 500 || next.Distinct().Count() != 500)
            throw new InvalidOperationException("an epoch skipped or repeated a sample");
    }
}
