using Composer.Data;
using CsCheck;

namespace Composer.Runtime.Tests.Data;

public class DistributedSamplerTests
{
    public static TheoryData<long, int, bool, int, int, bool> Combinations()
    {
        var data = new TheoryData<long, int, bool, int, int, bool>();
        long[] lengths = [1, 5, 7, 10, 33, 64, 100, 1000];
        int[] replicas = [1, 2, 3, 8];
        int n = 0;
        foreach (long length in lengths)
            foreach (int r in replicas)
                foreach (bool dropLast in new[] { false, true })
                {
                    if (dropLast && length < r) continue;
                    data.Add(length, r, n % 5 != 4, 17 * n % 5, n % 3, dropLast); // shuffle mostly, seeds 0..4, epochs 0..2
                    n++;
                }
        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void EveryRankMatchesPyTorch(long length, int numReplicas, bool shuffle, int seed, int epoch, bool dropLast)
    {
        for (int rank = 0; rank < numReplicas; rank++)
        {
            var sampler = new DistributedSampler(length, numReplicas, rank, shuffle, seed, dropLast);
            sampler.SetEpoch(epoch);
            var expected = PyTorchDistributedSampler.Iter(length, numReplicas, rank, shuffle, seed, epoch, dropLast);
            Assert.Equal(expected, sampler.ToList());
            Assert.Equal(expected.Count, sampler.Count);
        }
    }

    [Fact]
    public void PinnedVectorsFromPyTorch()
    {
        // torch.randperm(10, generator=torch.Generator().manual_seed(42)) = [2, 6, 1, 8, 4, 5, 0, 9, 3, 7]
        Assert.Equal([2L, 1, 4, 0, 3], new DistributedSampler(10, 2, 0, seed: 42).ToList());
        Assert.Equal([6L, 8, 5, 9, 7], new DistributedSampler(10, 2, 1, seed: 42).ToList());
        // 3 replicas pad 10 to 12 by repeating the head: [2,6,1,8,4,5,0,9,3,7,2,6]
        Assert.Equal([6L, 4, 9, 2], new DistributedSampler(10, 3, 1, seed: 42).ToList());
        // dropLast cuts to 9: [2,6,1,8,4,5,0,9,3]
        Assert.Equal([1L, 5, 3], new DistributedSampler(10, 3, 2, seed: 42, dropLast: true).ToList());
        Assert.Equal([0L, 3, 6, 9], new DistributedSampler(10, 3, 0, shuffle: false).ToList());
    }

    [Fact]
    public void RanksCoverTheDataSetAndAreDisjointWithoutPadding()
    {
        Gen.Select(Gen.Long[1, 300], Gen.Int[1, 6], Gen.Int[0, 1000], Gen.Int[0, 50]).Sample((length, replicas, seed, epoch) =>
        {
            var shards = Enumerable.Range(0, replicas).Select(rank =>
            {
                var s = new DistributedSampler(length, replicas, rank, seed: seed);
                s.SetEpoch(epoch);
                return s.ToList();
            }).ToList();
            var all = shards.SelectMany(x => x).ToList();
            if (all.Distinct().Count() != length) return false;                         // covers the data set
            if (length % replicas == 0 && all.Count != length) return false;            // disjoint when no padding
            return shards.All(s => s.Count == shards[0].Count);                         // same Count everywhere
        });
    }

    [Fact]
    public void EachEpochIsADifferentOrderAndTheSameSeedAndEpochTheSameOrder()
    {
        Gen.Select(Gen.Long[20, 500], Gen.Int[0, 1000], Gen.Int[0, 100]).Sample((length, seed, epoch) =>
        {
            var a = new DistributedSampler(length, 1, 0, seed: seed);
            var b = new DistributedSampler(length, 1, 0, seed: seed);
            a.SetEpoch(epoch); b.SetEpoch(epoch);
            var first = a.ToList();
            a.SetEpoch(epoch + 1);
            return first.SequenceEqual(b.ToList()) && !first.SequenceEqual(a.ToList());
        });
    }

    [Fact]
    public void BadArgumentsNameTheParameterAndValue()
    {
        var rank = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedSampler(10, numReplicas: 2, rank: 2));
        Assert.Equal("rank", rank.ParamName);
        Assert.Contains("2", rank.Message);
        Assert.Equal("numReplicas", Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedSampler(10, numReplicas: 0, rank: 0)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedSampler(0)).ParamName);
        var epoch = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedSampler(10).SetEpoch(-1));
        Assert.Equal("epoch", epoch.ParamName);
        Assert.Contains("-1", epoch.Message);
        // Sizes too large to hold in memory say what would have to be held.
        Assert.Contains("permutation", Assert.Throws<ArgumentOutOfRangeException>("length", () => new DistributedSampler(1L << 40, 2, 0)).Message);
        Assert.Contains("all ranks", Assert.Throws<ArgumentOutOfRangeException>("numReplicas", () => new DistributedSampler(10, numReplicas: int.MaxValue, rank: 0)).Message);
    }

    [Fact]
    public void WithDropLastFewerSamplesThanRanksAreRefused()
    {
        var e = Assert.Throws<ArgumentException>("length", () => new DistributedSampler(2, numReplicas: 3, rank: 0, dropLast: true)); // every rank would get nothing
        Assert.Contains("2", e.Message);
        Assert.Contains("3", e.Message);
        Assert.Equal([2L], new DistributedSampler(3, numReplicas: 3, rank: 2, shuffle: false, dropLast: true).ToList()); // as many samples as ranks is enough
    }
}
