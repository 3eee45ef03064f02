using Composer.Data;

namespace Composer.Runtime.Tests.Data;

/// <summary>
/// An epoch interrupted on N ranks and resumed on M: the samples (batches) consumed before the interruption and those
/// of the resumed epoch cover the epoch exactly once, padding aside; ranks are simulated by one sampler per rank.
/// </summary>
public class ElasticResumeTests
{
    public static TheoryData<long, int, int, bool> Lengths()
    {
        var data = new TheoryData<long, int, int, bool>();
        foreach (long length in new long[] { 1, 7, 10, 33, 100 })
            foreach (int seed in new[] { 0, 5 })
                foreach (bool shuffle in new[] { true, false })
                    data.Add(length, seed, seed + 1, shuffle);
        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ADistributedSamplersInterruptedEpochResumesOnAnyNumberOfRanksEachSampleOnce(long length, int seed, int epoch, bool shuffle)
    {
        foreach (int n in new[] { 1, 2, 3, 4 })
            foreach (int m in new[] { 1, 2, 3, 5 })
            {
                long count = new DistributedSampler(length, n, 0, shuffle, seed).Count;
                for (long consumed = 0; consumed <= count; consumed++)
                {
                    var before = Ranks(length, n, shuffle, seed, epoch);
                    var seen = before.SelectMany(s => s.Take((int)consumed)).ToList();
                    var state = before[0].GetResumeState(consumed);
                    Assert.All(before, s => Assert.Equal(state, s.GetResumeState(consumed)));

                    var after = Ranks(length, m, shuffle, seed, 0);
                    foreach (var s in after) s.Resume(state);
                    var rest = after.Select(s => s.ToList()).ToList();
                    Assert.All(rest, r => Assert.Equal(after[0].Count, r.Count)); // equal counts per rank
                    AssertCoversOnce(length, seen, rest.SelectMany(r => r).ToList(), $"{length} samples, {n} → {m} ranks, {consumed} consumed");

                    // The same through the (epoch, consumed per rank, previous ranks) overload.
                    var again = Ranks(length, m, shuffle, seed, 0);
                    foreach (var s in again) s.Resume(epoch, consumed, n);
                    Assert.Equal(rest, again.Select(s => s.ToList()).ToList());

                    // The next epoch is the ordinary M-rank one.
                    var ordinary = Ranks(length, m, shuffle, seed, epoch + 1);
                    foreach (var s in after) s.SetEpoch(epoch + 1);
                    Assert.False(after[0].IsResumed);
                    Assert.Equal(ordinary.Select(s => s.ToList()), after.Select(s => s.ToList()));
                }
            }
    }

    [Fact]
    public void AResumedEpochInterruptedAgainResumesOnYetAnotherNumberOfRanks()
    {
        const long length = 101;
        var first = Ranks(length, 3, true, 2, 4);
        var seen = first.SelectMany(s => s.Take(5)).ToList();
        var second = Ranks(length, 2, true, 2, 0);
        foreach (var s in second) s.Resume(first[0].GetResumeState(5));
        seen.AddRange(second.SelectMany(s => s.Take(11)));
        var state = second[1].GetResumeState(11);
        var third = Ranks(length, 4, true, 2, 0);
        foreach (var s in third) s.Resume(state);
        AssertCoversOnce(length, seen, third.SelectMany(s => s).ToList(), "3 → 2 → 4 ranks");
    }

    [Fact]
    public void ADistributedSamplerResumedThroughItsIndexArrayGivesTheSameIndices()
    {
        var sampler = new DistributedSampler(50, 3, 1, seed: 9);
        sampler.Resume(new SamplerResumeState(2, 17));
        Assert.Equal(sampler.ToArray(), new BatchSampler(sampler, 4).SelectMany(b => b).ToArray());
        Assert.Equal(11, sampler.Count); // ceil(33 / 3)
    }

    [Fact]
    public void WithDropLastTheResumedEpochCutsTheUnevenTail()
    {
        var ranks = Enumerable.Range(0, 3).Select(r => new DistributedSampler(20, 3, r, dropLast: true)).ToList();
        foreach (var s in ranks) s.Resume(new SamplerResumeState(0, 6));
        Assert.All(ranks, s => Assert.Equal(4, s.Count)); // 14 left, 12 dealt
        Assert.Equal(12, ranks.SelectMany(s => s).Distinct().Count());
    }

    [Fact]
    public void ResumeStatesOutsideTheEpochAreRefusedNamingTheValue()
    {
        var sampler = new DistributedSampler(10, 2, 0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Resume(new SamplerResumeState(0, 11)));
        Assert.Equal("state", e.ParamName);
        Assert.Contains("11", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Resume(new SamplerResumeState(-1, 0)));
        Assert.Equal("consumedOnThisRank", Assert.Throws<ArgumentOutOfRangeException>(() => sampler.GetResumeState(6)).ParamName);
        Assert.Equal("previousReplicas", Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Resume(0, 1, 0)).ParamName);
        var batches = new ClassBalancedBatchSampler(Labels(40, 4), 2, 2, numReplicas: 2, rank: 0);
        Assert.Equal("state", Assert.Throws<ArgumentOutOfRangeException>(() => batches.Resume(new SamplerResumeState(0, 11))).ParamName);
        Assert.Equal("consumedOnThisRank", Assert.Throws<ArgumentOutOfRangeException>(() => batches.GetResumeState(-1)).ParamName);
    }

    [Fact]
    public void BadResumeArgumentsAreRefusedSayingWhatIsWrong()
    {
        var sampler = new DistributedSampler(10, 2, 0);
        var batches = new ClassBalancedBatchSampler(Labels(40, 4), 2, 2, numReplicas: 2, rank: 0);
        // What the state's Consumed counts, and its limit.
        var samples = Assert.Throws<ArgumentOutOfRangeException>("state", () => sampler.Resume(new SamplerResumeState(0, 11)));
        Assert.Contains("length", samples.Message);
        Assert.Contains("10", samples.Message);
        Assert.Contains("batches", Assert.Throws<ArgumentOutOfRangeException>("state", () => batches.Resume(new SamplerResumeState(0, 11))).Message);
        Assert.Contains("5", Assert.Throws<ArgumentOutOfRangeException>("consumedOnThisRank", () => sampler.GetResumeState(6)).Message); // Count
        Assert.Contains("positive", Assert.Throws<ArgumentOutOfRangeException>("previousReplicas", () => sampler.Resume(0, 1, 0)).Message);
        // A negative count per rank is refused naming it, not passed on as a negative state.
        var negative = Assert.Throws<ArgumentOutOfRangeException>("consumedPerRank", () => sampler.Resume(0, -1, 2));
        Assert.Contains("negative", negative.Message);
        Assert.Contains("-1", negative.Message);
        Assert.Throws<ArgumentOutOfRangeException>("consumedBatchesPerRank", () => batches.Resume(0, -3, 2));
        Assert.False(sampler.IsResumed);
        Assert.False(batches.IsResumed);
    }

    [Fact]
    public void EverySetEpochAndResumeGivesANewEpochVersion()
    {
        IElasticSampler[] samplers = [new DistributedSampler(20, 2, 0), new ClassBalancedBatchSampler(Labels(40, 4), 2, 2, numReplicas: 2, rank: 0)];
        foreach (var sampler in samplers)
        {
            var seen = new HashSet<long> { sampler.EpochVersion };
            sampler.SetEpoch(1);
            Assert.True(seen.Add(sampler.EpochVersion), "SetEpoch");
            sampler.Resume(new SamplerResumeState(1, 4));
            Assert.True(seen.Add(sampler.EpochVersion), "Resume");
            sampler.SetEpoch(1);
            Assert.True(seen.Add(sampler.EpochVersion), "SetEpoch after Resume");
            sampler.Resume(new SamplerResumeState(1, 4));
            Assert.True(seen.Add(sampler.EpochVersion), "Resume again");
        }
    }

    [Fact]
    public void AResumedEpochConsumedToItsEndLeavesNothingToResume()
    {
        // 10 samples resumed after 2 on 3 ranks: 8 left, 3 per rank, one of them padding. Consuming all 3 ends the epoch.
        var ranks = Enumerable.Range(0, 3).Select(r => new DistributedSampler(10, 3, r, seed: 1)).ToList();
        foreach (var s in ranks) s.Resume(new SamplerResumeState(0, 2));
        Assert.All(ranks, s => Assert.Equal(3, s.Count));
        var state = ranks[1].GetResumeState(3);
        Assert.Equal(new SamplerResumeState(0, 10), state);
        var next = new DistributedSampler(10, 2, 0, seed: 1);
        next.Resume(state);
        Assert.Equal(0, next.Count);
        Assert.Empty(next);
    }

    [Fact]
    public void RanksThatFinishedTheirPaddedShareResumeAtTheEpochsEnd()
    {
        // 11 samples on 2 ranks: 6 each, one of them padding; both ranks finishing consumed the whole epoch, whatever the count says.
        foreach (long consumedPerRank in new[] { 6L, 7, long.MaxValue })
        {
            var sampler = new DistributedSampler(11, 3, 0);
            sampler.Resume(0, consumedPerRank, 2);
            Assert.True(sampler.IsResumed);
            Assert.Equal(new SamplerResumeState(0, 11), sampler.GetResumeState(0));
            Assert.Empty(sampler);
        }
    }

    [Theory]
    [InlineData(48, 3, 2, 2)]
    [InlineData(61, 4, 3, 1)]
    [InlineData(100, 5, 2, 3)]
    public void AClassBalancedEpochResumesOnAnyNumberOfRanksEachBatchOnce(int samples, int classes, int p, int k)
    {
        var labels = Labels(samples, classes);
        long global = samples / (p * k);
        // Every global batch, told apart by its position: a 1-rank sampler yields the whole global sequence in order.
        var sequence = new ClassBalancedBatchSampler(labels, p, k, seed: 3, numReplicas: 1, rank: 0);
        sequence.SetEpoch(2);
        var all = sequence.Select(b => string.Join(",", b)).ToList();
        Assert.Equal(global, all.Count);
        foreach (int n in new[] { 1, 2, 3 })
            foreach (int m in new[] { 1, 2, 3, 4 })
            {
                var before = BatchRanks(labels, p, k, n, 2);
                for (long consumed = 0; consumed <= before[0].Count; consumed++)
                {
                    var seen = before.SelectMany(s => s.Take((int)consumed)).Select(b => string.Join(",", b)).ToList();
                    var after = BatchRanks(labels, p, k, m, 0);
                    foreach (var s in after) s.Resume(before[0].GetResumeState(consumed));
                    var rest = after.Select(s => s.Select(b => string.Join(",", b)).ToList()).ToList();
                    Assert.All(rest, r => Assert.Equal(after[0].Count, r.Count));
                    var union = seen.Concat(rest.SelectMany(r => r)).ToList();
                    string what = $"{n} → {m} ranks, {consumed} batches consumed";
                    // Every global batch at least once, and more than once only as padding (fewer than m extra).
                    Assert.True(all.All(union.Contains), what);
                    Assert.True(union.Count - all.Count < m, what);
                    Assert.Equal(before[0].GetResumeState(consumed).Consumed, seen.Count == 0 ? 0 : consumed * n);
                    var again = BatchRanks(labels, p, k, m, 0);
                    foreach (var s in again) s.Resume(2, consumed, n);
                    Assert.Equal(rest, again.Select(s => s.Select(b => string.Join(",", b)).ToList()).ToList());
                    foreach (var s in after) s.SetEpoch(3);
                    Assert.Equal(BatchRanks(labels, p, k, m, 3).Select(s => s.Count), after.Select(s => s.Count));
                    Assert.Equal(BatchRanks(labels, p, k, m, 3).SelectMany(s => s.SelectMany(b => b)), after.SelectMany(s => s.SelectMany(b => b)));
                }
            }
    }

    private static List<DistributedSampler> Ranks(long length, int replicas, bool shuffle, int seed, int epoch) =>
        Enumerable.Range(0, replicas).Select(r =>
        {
            var s = new DistributedSampler(length, replicas, r, shuffle, seed);
            s.SetEpoch(epoch);
            return s;
        }).ToList();

    private static List<ClassBalancedBatchSampler> BatchRanks(long[] labels, int p, int k, int replicas, int epoch) =>
        Enumerable.Range(0, replicas).Select(r =>
        {
            var s = new ClassBalancedBatchSampler(labels, p, k, seed: 3, numReplicas: replicas, rank: r);
            s.SetEpoch(epoch);
            return s;
        }).ToList();

    private static long[] Labels(int samples, int classes) => Enumerable.Range(0, samples).Select(i => (long)(i * 7 % classes)).ToArray();

    /// <summary>Before and after together hold every sample at least once, and repeats only as padding: fewer than one per rank of either job.</summary>
    private static void AssertCoversOnce(long length, List<long> before, List<long> after, string what)
    {
        var union = before.Concat(after).ToList();
        Assert.True(Enumerable.Range(0, (int)length).All(i => union.Contains(i)), $"{what}: a sample is missing");
        // Padding: the old job's (it may have consumed some) plus the new job's, each fewer than its ranks.
        Assert.True(union.Count - length < 10, $"{what}: {union.Count - length} repeats");
        Assert.Empty(after.Intersect(before)); // nothing consumed before comes again
        Assert.Equal(length, after.Distinct().Count() + before.Distinct().Count());
    }
}
