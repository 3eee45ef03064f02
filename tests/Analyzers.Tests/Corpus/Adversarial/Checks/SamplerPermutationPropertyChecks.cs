// Scenario: sampler property tests enumerate RandomSampler and BatchSampler objects directly (no loader) in loops over seeds and epochs, one of them calling SetEpoch(0) on a fresh sampler per seed; loops that iterate no loader are not epoch loops (right)
using Composer.Data;

namespace Composer.Checks.Samplers;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class SamplerPropertyTests
{
    private static readonly int[] Seeds = { 0, 1, 7, 42, 1234 };
    private static readonly long[] Lengths = { 1, 2, 17, 100, 1000 };

    private static void AssertPermutation(IReadOnlyCollection<long> indices, long length, string what)
    {
        if (indices.Count != length)
            throw new InvalidOperationException($"{what}: {indices.Count} indices for length {length}");
        var sorted = indices.OrderBy(i => i).ToArray();
        for (long i = 0; i < length; i++)
            if (sorted[i] != i) throw new InvalidOperationException($"{what}: index {i} missing");
    }

    [Fact]
    public void Epoch_zero_is_a_permutation_for_every_seed_and_length()
    {
        foreach (int seed in Seeds)
        {
            foreach (long length in Lengths)
            {
                var sampler = new RandomSampler(length, seed: seed);
                sampler.SetEpoch(0);
                AssertPermutation(sampler.ToList(), length, $"seed {seed}, length {length}");
            }
        }
    }

    [Fact]
    public void Every_epoch_is_a_new_permutation()
    {
        var sampler = new RandomSampler(1000, seed: 5);
        var orders = new List<long[]>();
        for (int epoch = 0; epoch < 4; epoch++)
        {
            sampler.SetEpoch(epoch);
            var order = sampler.ToArray();
            AssertPermutation(order, 1000, $"epoch {epoch}");
            if (orders.Any(o => o.SequenceEqual(order)))
                throw new InvalidOperationException($"epoch {epoch} repeated an earlier order");
            orders.Add(order);
        }
    }

    [Fact]
    public void Batches_cover_each_index_once_per_epoch()
    {
        var batches = new BatchSampler(new RandomSampler(103, seed: 9), batchSize: 10);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            batches.SetEpoch(epoch);
            var flat = new List<long>();
            foreach (long[] batch in batches) flat.AddRange(batch);
            AssertPermutation(flat, 103, $"batched epoch {epoch}");
            if (batches.Count != 11) throw new InvalidOperationException($"expected 11 batches, got {batches.Count}");
        }
    }
}
