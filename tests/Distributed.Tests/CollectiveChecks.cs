using Composer.Distributed;
using static TorchSharp.torch;

namespace Composer.Distributed.Tests;

/// <summary>Collectives give the right values, for float32 and float64 and several sizes.</summary>
internal static class CollectiveChecks
{
    public static IEnumerable<(string, Action)> All() =>
    [
        ("AllReduceSumsFloat32AndFloat64OfSeveralSizes", AllReduceSums),
        ("BroadcastCopiesTheRootsTensor", BroadcastCopies),
        ("AllGatherStacksInRankOrder", AllGatherStacks),
        ("RankAndWorldSizeComeFromTheLauncher", RankAndWorldSize),
    ];

    private static void AllReduceSums()
    {
        int w = Dist.WorldSize, r = Dist.Rank;
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
            foreach (long size in new long[] { 1, 7, 1000, (1 << 20) + 3 })
            {
                using var scope = NewDisposeScope();
                var t = arange(size, dtype: dtype).mul(r + 1);
                Dist.AllReduce(t);
                var expected = arange(size, dtype: dtype).mul(w * (w + 1) / 2);
                Assert.True(t.allclose(expected), $"{dtype} all-reduce of {size} elements is wrong");
            }
    }

    private static void BroadcastCopies()
    {
        using var scope = NewDisposeScope();
        int root = Dist.WorldSize - 1;
        var t = Dist.Rank == root ? arange(10, dtype: ScalarType.Float64) : zeros(10, ScalarType.Float64);
        Dist.Broadcast(t, root);
        Assert.SequenceEqual(Enumerable.Range(0, 10).Select(i => (double)i), t.data<double>().ToArray(), "broadcast from the last rank");
    }

    private static void AllGatherStacks()
    {
        using var scope = NewDisposeScope();
        var gathered = Dist.AllGather(full(3, Dist.Rank, ScalarType.Int64));
        Assert.SequenceEqual([Dist.WorldSize, 3L], gathered.shape, "gathered shape");
        for (int r = 0; r < Dist.WorldSize; r++)
            Assert.SequenceEqual([r, r, r], gathered[r].data<long>().ToArray(), $"row {r}");
    }

    private static void RankAndWorldSize()
    {
        Assert.Equal(Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE") ?? "1", Dist.WorldSize.ToString(), "world size");
        Assert.Equal(Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_RANK") ?? "0", Dist.Rank.ToString(), "rank");
        Assert.Equal(Dist.LaunchedByMpi ? "mpi" : "single", Dist.Backend.Name, "backend");
    }
}
