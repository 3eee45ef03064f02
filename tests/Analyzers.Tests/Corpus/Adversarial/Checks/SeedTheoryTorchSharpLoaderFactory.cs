// Scenario: parameterised tests over seeds share a factory that builds TorchSharp's shuffling DataLoader with seed: seed from its parameter; the factory cannot tell that its seed changes between calls, so the creation is a fixed-seed shuffling loader (wrong)
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;

namespace Composer.Checks.Seeds;

[AttributeUsage(AttributeTargets.Method)]
file sealed class TheoryAttribute : Attribute { }

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
file sealed class InlineDataAttribute : Attribute
{
    public InlineDataAttribute(params object[] values) => Values = values;
    public object[] Values { get; }
}

public sealed class SeededOrderTests
{
    private const int Samples = 64;

    private static InMemoryDataset Indexed() => new(new Dictionary<string, Tensor>
    {
        ["data"] = rand(Samples, 3),
        ["index"] = arange(Samples, dtype: ScalarType.Int64),
    });

    // Shared by every case below.
    private static DataLoader BuildLoader(torch.utils.data.Dataset data, int seed) =>
        new DataLoader(data, 8, shuffle: true, seed: seed, disposeDataset: false); //! CMP003

    private static List<long> Order(DataLoader loader) =>
        loader.SelectMany(batch => batch["index"].data<long>().ToArray()).ToList();

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(20240611)]
    public void Two_loaders_with_one_seed_agree(int seed)
    {
        using var data = Indexed();
        using var a = BuildLoader(data, seed);
        using var b = BuildLoader(data, seed);
        if (!Order(a).SequenceEqual(Order(b)))
            throw new InvalidOperationException($"seed {seed}: two loaders disagree");
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 99)]
    public void Different_seeds_give_different_orders(int left, int right)
    {
        using var data = Indexed();
        using var a = BuildLoader(data, left);
        using var b = BuildLoader(data, right);
        var orderA = Order(a);
        var orderB = Order(b);
        if (orderA.SequenceEqual(orderB))
            throw new InvalidOperationException($"seeds {left} and {right} gave one order");
        if (!orderA.OrderBy(i => i).SequenceEqual(orderB.OrderBy(i => i)))
            throw new InvalidOperationException("the two orders do not hold the same samples");
    }
}
