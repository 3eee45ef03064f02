using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>Random draws from TorchSharp's CPU generator, which reproduces PyTorch's numbers for the same seed.</summary>
internal static class Permutations
{
    /// <summary><c>torch.randperm(n, generator)</c> as a managed array.</summary>
    public static long[] RandPerm(long n, Generator generator)
    {
        if (n == 0) return [];
        using var permutation = randperm(n, generator: generator);
        return permutation.data<long>().ToArray();
    }

    /// <summary><c>torch.randint(high, (size,), generator)</c> as a managed array.</summary>
    public static long[] RandInt(long high, long size, Generator generator)
    {
        if (size == 0) return [];
        using var draws = randint(0, high, [size], dtype: ScalarType.Int64, generator: generator);
        return draws.data<long>().ToArray();
    }

    /// <summary>A CPU generator seeded <c>seed + epoch</c>, as PyTorch's distributed sampler seeds its own.</summary>
    public static Generator ForEpoch(long seed, int epoch) => new Generator((ulong)(seed + epoch));
}
