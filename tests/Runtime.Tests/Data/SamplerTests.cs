using Composer.Data;

namespace Composer.Runtime.Tests.Data;

public class SamplerTests
{
    [Fact]
    public void RandomSamplerPermutesAndReshufflesPerEpoch()
    {
        var sampler = new RandomSampler(30, seed: 5);
        var epoch0 = sampler.ToList();
        Assert.Equal(epoch0, sampler.ToList()); // same epoch, same order
        sampler.SetEpoch(1);
        var epoch1 = sampler.ToList();
        Assert.NotEqual(epoch0, epoch1);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), epoch1.Order());
    }

    [Fact]
    public void RandomSamplerWithNumSamplesAndReplacement()
    {
        var longer = new RandomSampler(10, numSamples: 25);
        var drawn = longer.ToList();
        Assert.Equal(25, drawn.Count);
        Assert.Equal(25, longer.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), drawn.Take(10).Order()); // whole permutations first

        var replacing = new RandomSampler(5, replacement: true, numSamples: 100);
        var draws = replacing.ToList();
        Assert.Equal(100, draws.Count);
        Assert.All(draws, d => Assert.InRange(d, 0, 4));
        Assert.True(draws.Distinct().Count() < draws.Count);
    }

    [Fact]
    public void BatchSamplerBatchesAndForwardsTheEpoch()
    {
        var inner = new RandomSampler(10, seed: 1);
        var batches = new BatchSampler(inner, 4);
        Assert.Equal(3, batches.Count);
        Assert.Equal([4, 4, 2], batches.Select(b => b.Length));
        Assert.Equal(2, new BatchSampler(inner, 4, dropLast: true).Count());
        batches.SetEpoch(3);
        Assert.Equal(3, inner.Epoch);
    }

    [Fact]
    public void ClassBalancedBatchesHavePClassesOfKSamples()
    {
        long[] labels = TestData.Labels(200, classes: 5);
        var sampler = new ClassBalancedBatchSampler(labels, classesPerBatch: 3, samplesPerClass: 4, seed: 2);
        var batches = sampler.ToList();
        Assert.Equal(200 / 12, sampler.Count);
        Assert.Equal(sampler.Count, batches.Count);
        foreach (var batch in batches)
        {
            var classes = batch.GroupBy(i => labels[i]).ToList();
            Assert.Equal(3, classes.Count);
            Assert.All(classes, c => Assert.Equal(4, c.Count()));
        }
    }

    [Fact]
    public void ClassBalancedDrawsWithReplacementOnlyFromSmallClasses()
    {
        long[] labels = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]; // class 0 has 2 samples, fewer than K = 3
        var batches = new ClassBalancedBatchSampler(labels, classesPerBatch: 2, samplesPerClass: 3).ToList();
        Assert.All(batches, b => Assert.Equal(3, b.Count(i => labels[i] == 0)));
        Assert.All(batches, b => Assert.True(b.Where(i => labels[i] == 0).Distinct().Count() <= 2));
        Assert.All(batches, b => Assert.Equal(3, b.Where(i => labels[i] == 1).Distinct().Count()));
    }

    [Fact]
    public void ClassBalancedFillsEverySlotOfASmallClassFromThatClass()
    {
        long[] labels = [.. Enumerable.Repeat(1L, 20), 0, 0]; // class 0: 2 samples, fewer than K = 3, none of them sample 0
        var batches = new ClassBalancedBatchSampler(labels, classesPerBatch: 2, samplesPerClass: 3, seed: 1).ToList();
        Assert.Equal(22 / 6, batches.Count);
        Assert.All(batches, b => Assert.Equal(3, b.Count(i => labels[i] == 0)));
        Assert.All(batches, b => Assert.Equal(3, b.Where(i => labels[i] == 1).Distinct().Count()));
    }

    [Fact]
    public void ClassBalancedDrawsAClassOfExactlyKSamplesWithoutReplacement()
    {
        long[] labels = [.. Enumerable.Repeat(1L, 57), 0, 0, 0]; // class 0: exactly K = 3 samples, so all three in every batch
        foreach (int seed in new[] { 0, 1, 2 })
        {
            var batches = new ClassBalancedBatchSampler(labels, classesPerBatch: 2, samplesPerClass: 3, seed: seed).ToList();
            Assert.Equal(10, batches.Count);
            Assert.All(batches, b => Assert.Equal([57L, 58, 59], b.Where(i => labels[i] == 0).Order()));
        }
    }

    /// <summary>A class is reshuffled only when fewer than K of its samples are left: when every class is in every batch and holds a multiple of K samples, an epoch takes every sample once.</summary>
    [Fact]
    public void ClassBalancedWalksThroughAClassBeforeReshufflingIt()
    {
        long[] labels = TestData.Labels(24, classes: 2); // 12 samples per class, K = 3: 4 batches' worth each
        foreach (int seed in new[] { 0, 1, 2, 3, 4 })
        {
            var sampler = new ClassBalancedBatchSampler(labels, classesPerBatch: 2, samplesPerClass: 3, seed: seed);
            sampler.SetEpoch(seed);
            Assert.Equal(Enumerable.Range(0, 24).Select(i => (long)i), sampler.SelectMany(b => b).Order());
        }
    }

    [Fact]
    public void ClassBalancedRanksGetDifferentBatchesAndTheSameCount()
    {
        long[] labels = TestData.Labels(300, classes: 6);
        var rank0 = new ClassBalancedBatchSampler(labels, 2, 5, seed: 4, numReplicas: 2, rank: 0);
        var rank1 = new ClassBalancedBatchSampler(labels, 2, 5, seed: 4, numReplicas: 2, rank: 1);
        Assert.Equal(rank0.Count, rank1.Count);
        Assert.Equal(15, rank0.Count);
        var a = rank0.ToList();
        var b = rank1.ToList();
        Assert.NotEqual(a, b);
        rank0.SetEpoch(1);
        Assert.NotEqual(a, rank0.ToList());
    }

    [Fact]
    public void BadArgumentsNameTheParameterAndValue()
    {
        long[] labels = TestData.Labels(40, classes: 4);
        var p = Assert.Throws<ArgumentOutOfRangeException>(() => new ClassBalancedBatchSampler(labels, classesPerBatch: 5, samplesPerClass: 2));
        Assert.Equal("classesPerBatch", p.ParamName);
        Assert.Contains("5", p.Message);
        Assert.Contains("4", p.Message); // the number of classes
        Assert.Throws<ArgumentOutOfRangeException>("classesPerBatch", () => new ClassBalancedBatchSampler(labels, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>("classesPerBatch", () => new ClassBalancedBatchSampler(labels, -1, 2));
        Assert.Throws<ArgumentNullException>("labels", () => new ClassBalancedBatchSampler(null!, 2, 2));
        Assert.Equal("samplesPerClass", Assert.Throws<ArgumentOutOfRangeException>(() => new ClassBalancedBatchSampler(labels, 2, 0)).ParamName);
        var tooFew = Assert.Throws<ArgumentException>(() => new ClassBalancedBatchSampler(labels, 4, 20));
        Assert.Equal("labels", tooFew.ParamName);
        Assert.Contains("40", tooFew.Message); // the number of samples
        Assert.Equal("rank", Assert.Throws<ArgumentOutOfRangeException>(() => new ClassBalancedBatchSampler(labels, 2, 2, numReplicas: 2, rank: 5)).ParamName);
        Assert.Equal("epoch", Assert.Throws<ArgumentOutOfRangeException>(() => new ClassBalancedBatchSampler(labels, 2, 2).SetEpoch(-3)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchSampler(new SequentialSampler(3), 0)).ParamName);
        Assert.Equal("sampler", Assert.Throws<ArgumentNullException>(() => new BatchSampler(null!, 2)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSampler(0)).ParamName);
        Assert.Equal("numSamples", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSampler(5, numSamples: 0)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => new SequentialSampler(-1)).ParamName);
        Assert.Equal("epoch", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSampler(5).SetEpoch(-1)).ParamName);
    }

    public static TheoryData<string> Samplers() => ["sequential", "random", "random with numSamples", "random with replacement", "distributed"];

    private static ISampler Make(string kind) => kind switch
    {
        "sequential" => new SequentialSampler(23),
        "random" => new RandomSampler(23, seed: 4),
        "random with numSamples" => new RandomSampler(23, seed: 4, numSamples: 50),
        "random with replacement" => new RandomSampler(23, seed: 4, replacement: true),
        _ => new DistributedSampler(23, numReplicas: 3, rank: 2, seed: 4),
    };

    /// <summary>The batch sampler's fast path (slicing a whole epoch's array) equals batching the enumeration.</summary>
    [Theory]
    [MemberData(nameof(Samplers))]
    public void BatchesFromTheWholeEpochEqualBatchesFromTheEnumeration(string kind)
    {
        foreach (bool dropLast in new[] { false, true })
        {
            var sampler = Make(kind);
            (sampler as IEpochAware)?.SetEpoch(3);
            var expected = sampler.Chunk(5).Where(c => !dropLast || c.Length == 5).ToList();
            var batches = new BatchSampler(sampler, 5, dropLast);
            Assert.Equal(expected, batches.ToList());
            Assert.Equal(expected.Count, batches.Count);
        }
    }
}
