using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>
/// The run-time guard against the bug this project exists for: a loader whose order depends on the epoch,
/// enumerated from the start again with nothing set in between, replays the previous epoch — and says so.
/// </summary>
[Collection(StandardErrorCollection.Name)]
public class ReplayGuardTests
{
    private static EpochDataLoader Shuffling(bool prefetch = false) =>
        new(TestData.Indexed(24), batchSize: 8, shuffle: true, seed: 3, prefetch: prefetch, disposeDataset: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WarnsOnceOnStandardErrorNamingTheLoaderTheEpochAndTheCure(bool prefetch)
    {
        using var loader = Shuffling(prefetch);
        using var error = new StandardError();

        var first = TestData.Epoch(loader);
        Assert.Empty(error.Text); // a first enumeration replays nothing
        Assert.Equal(first, TestData.Epoch(loader)); // the replay itself: the same order again
        TestData.Epoch(loader);
        TestData.Epoch(loader);

        string warning = Assert.Single(error.Warnings);
        Assert.Contains("EpochDataLoader (batches from BatchSampler over RandomSampler)", warning);
        Assert.Contains("still at epoch 0", warning);
        Assert.Contains("loader.SetEpoch(epoch)", warning);
        Assert.Contains("Epochs.SetEpoch(loader, epoch)", warning);
        Assert.Contains("ReplayedEpochPolicy", warning);
    }

    [Fact]
    public void EachLoaderWarnsOnceForItself()
    {
        using var a = Shuffling();
        using var b = Shuffling();
        using var error = new StandardError();
        for (int i = 0; i < 3; i++)
        {
            TestData.Epoch(a);
            TestData.Epoch(b);
        }
        Assert.Equal(2, error.Warnings.Length);
    }

    public static TheoryData<string> BatchSamplers() => ["BatchSampler(DistributedSampler)", "ClassBalancedBatchSampler", "Repeat(BatchSampler(DistributedSampler))"];

    private static IBatchSampler MakeBatchSampler(string kind) => kind switch
    {
        "ClassBalancedBatchSampler" => new ClassBalancedBatchSampler(TestData.Labels(64), classesPerBatch: 2, samplesPerClass: 4, seed: 7, numReplicas: 2, rank: 0),
        "Repeat(BatchSampler(DistributedSampler))" => new Repeat(MakeBatchSampler("BatchSampler(DistributedSampler)")),
        _ => new BatchSampler(new DistributedSampler(64, numReplicas: 2, rank: 0, seed: 7), batchSize: 8),
    };

    /// <summary>A batch sampler of the user's that wraps another and does not forward the epoch.</summary>
    private sealed class Repeat(IBatchSampler inner) : IBatchSampler
    {
        public long Count => inner.Count;
        public IEnumerator<long[]> GetEnumerator() => inner.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Composer's bug, in a loop that no analyzer sees: the epoch set on loader.Sampler only.</summary>
    [Theory]
    [MemberData(nameof(BatchSamplers))]
    public void TheComposerBugWarnsInTheSecondEpoch(string kind)
    {
        using var loader = new EpochDataLoader(TestData.Indexed(64), batchSampler: MakeBatchSampler(kind), disposeDataset: true);
        using var error = new StandardError();
        for (int epoch = 0; epoch < 3; epoch++)
        {
            (loader.Sampler as IEpochAware)?.SetEpoch(epoch); // a SequentialSampler: reaches nothing
            TestData.Epoch(loader);
            Assert.Equal(epoch == 0 ? 0 : 1, error.Warnings.Length);
        }
        Assert.Contains(kind switch
        {
            "ClassBalancedBatchSampler" => "(batches from ClassBalancedBatchSampler)",
            "Repeat(BatchSampler(DistributedSampler))" => "(batches from Repeat over BatchSampler)",
            _ => "(batches from BatchSampler over DistributedSampler)",
        }, error.Warnings[0]);
        Assert.Contains("still at epoch 0", error.Warnings[0]);
    }

    [Fact]
    public void ThrowsWhenAskedFromTheFirstMoveNextOfEveryReplay()
    {
        using var loader = Shuffling(prefetch: true);
        loader.ReplayedEpochPolicy = ReplayedEpochPolicy.Throw;
        using var error = new StandardError();
        loader.SetEpoch(4);
        TestData.Epoch(loader);
        for (int replay = 0; replay < 2; replay++)
        {
            using var batches = loader.GetEnumerator(); // getting the enumerator starts nothing
            var e = Assert.Throws<InvalidOperationException>(() => batches.MoveNext());
            Assert.Contains("still at epoch 4", e.Message);
            Assert.Contains("loader.SetEpoch(epoch)", e.Message);
        }
        Assert.Empty(error.Text);

        loader.SetEpoch(5);
        Assert.Equal(3, TestData.Epoch(loader).Count); // the cure
    }

    [Fact]
    public void IgnoreReplaysSilently()
    {
        using var loader = Shuffling();
        loader.ReplayedEpochPolicy = ReplayedEpochPolicy.Ignore;
        using var error = new StandardError();
        var first = TestData.Epoch(loader);
        Assert.Equal(first, TestData.Epoch(loader));
        Assert.Empty(error.Text);
        Assert.Equal(ReplayedEpochPolicy.Ignore, loader.ReplayedEpochPolicy);
    }

    [Fact]
    public void TheDefaultPolicyAppliesToLoadersWithoutTheirOwn()
    {
        Assert.Equal(ReplayedEpochPolicy.Warn, EpochDataLoader.DefaultReplayedEpochPolicy);
        using var byDefault = Shuffling();
        using var own = Shuffling();
        own.ReplayedEpochPolicy = ReplayedEpochPolicy.Ignore;
        using var typed = new EpochDataLoader<long, long[]>(new Numbers(10), (s, _) => s.ToArray(), batchSize: 4, shuffle: true);
        try
        {
            EpochDataLoader.DefaultReplayedEpochPolicy = ReplayedEpochPolicy.Throw;
            Assert.Equal(ReplayedEpochPolicy.Throw, byDefault.ReplayedEpochPolicy);
            foreach (var loader in new IEnumerable[] { byDefault, own, typed })
            {
                foreach (var _ in loader) { }
            }
            Assert.Throws<InvalidOperationException>(() => TestData.Epoch(byDefault));
            Assert.Throws<InvalidOperationException>(() => typed.ToList());
            TestData.Epoch(own);
        }
        finally
        {
            EpochDataLoader.DefaultReplayedEpochPolicy = ReplayedEpochPolicy.Warn;
        }
    }

    [Fact]
    public void APolicyOutsideTheEnumIsRejected()
    {
        using var loader = Shuffling();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => loader.ReplayedEpochPolicy = (ReplayedEpochPolicy)7);
        Assert.Equal("value", e.ParamName);
        Assert.Contains("7", e.Message);
        Assert.All(Enum.GetNames<ReplayedEpochPolicy>(), name => Assert.Contains(name, e.Message)); // and the values it takes
        Assert.Throws<ArgumentOutOfRangeException>(() => EpochDataLoader.DefaultReplayedEpochPolicy = (ReplayedEpochPolicy)(-1));
        Assert.Equal(ReplayedEpochPolicy.Warn, EpochDataLoader.DefaultReplayedEpochPolicy);
    }

    public static TheoryData<string> WaysToSetTheEpoch() =>
    [
        "loader.SetEpoch, the same epoch", "Epochs.SetEpoch", "the given sampler, directly", "the sampler inside the given batch sampler, directly",
        "the given batch sampler, directly", "the class-balanced batch sampler, directly", "the class-balanced batch sampler through the loader", "a user batch sampler through the loader",
        "a user batch sampler that tells, directly", "a sampler inside a user batch sampler that does not hear the epoch, directly",
        "the given distributed sampler, directly", "a batch sampler over a user sampler, directly",
    ];

    /// <summary>
    /// Any SetEpoch between two enumerations, through the loader or on a part directly, is no replay; and the
    /// same loader replays when nothing is set: the guard is armed in every one of these shapes.
    /// </summary>
    [Theory]
    [MemberData(nameof(WaysToSetTheEpoch))]
    public void AnySetInBetweenIsNoReplay(string way)
    {
        var random = new RandomSampler(32, seed: 2);
        var classBalanced = new ClassBalancedBatchSampler(TestData.Labels(32), 2, 4, seed: 2);
        var batchSampler = new BatchSampler(random, 8);
        var userBatchSampler = way.Contains("tells") ? new TellingBatchSampler() : new UserBatchSampler();
        var deaf = new DeafBatchSampler(random);
        var distributed = new DistributedSampler(32, numReplicas: 2, rank: 1, seed: 2);
        var overUserSampler = new BatchSampler(new UserSampler(), 8);
        using var loader = way switch
        {
            "the given sampler, directly" => new EpochDataLoader(TestData.Indexed(32), batchSize: 8, sampler: random, disposeDataset: true),
            "the sampler inside the given batch sampler, directly" or "the given batch sampler, directly" => new EpochDataLoader(TestData.Indexed(32), batchSampler: batchSampler, disposeDataset: true),
            "the class-balanced batch sampler, directly" or "the class-balanced batch sampler through the loader" => new EpochDataLoader(TestData.Indexed(32), batchSampler: classBalanced, disposeDataset: true),
            _ when way.StartsWith("a user batch sampler", StringComparison.Ordinal) => new EpochDataLoader(TestData.Indexed(32), batchSampler: userBatchSampler, disposeDataset: true),
            _ when way.Contains("does not hear") => new EpochDataLoader(TestData.Indexed(32), batchSampler: deaf, disposeDataset: true),
            "the given distributed sampler, directly" => new EpochDataLoader(TestData.Indexed(32), batchSize: 8, sampler: distributed, disposeDataset: true),
            "a batch sampler over a user sampler, directly" => new EpochDataLoader(TestData.Indexed(32), batchSampler: overUserSampler, disposeDataset: true),
            _ => new EpochDataLoader(TestData.Indexed(32), batchSize: 8, shuffle: true, disposeDataset: true),
        };
        loader.ReplayedEpochPolicy = ReplayedEpochPolicy.Throw;
        Action set = way switch
        {
            "loader.SetEpoch, the same epoch" => () => loader.SetEpoch(0),
            "Epochs.SetEpoch" or "a user batch sampler through the loader" => () => Epochs.SetEpoch(loader, 1),
            "the given sampler, directly" or "the sampler inside the given batch sampler, directly" or "a sampler inside a user batch sampler that does not hear the epoch, directly" => () => random.SetEpoch(random.Epoch + 1),
            "the given batch sampler, directly" => () => batchSampler.SetEpoch(1),
            "the class-balanced batch sampler, directly" => () => classBalanced.SetEpoch(1),
            "the class-balanced batch sampler through the loader" => () => loader.SetEpoch(classBalanced.Epoch + 1),
            "a user batch sampler that tells, directly" => () => userBatchSampler.SetEpoch(1),
            "the given distributed sampler, directly" => () => distributed.SetEpoch(1),
            "a batch sampler over a user sampler, directly" => () => overUserSampler.SetEpoch(1),
            _ => throw new ArgumentOutOfRangeException(nameof(way), way, null),
        };

        foreach (var _ in loader) { }
        set();
        foreach (var _ in loader) { }
        set();
        foreach (var _ in loader) { }
        Assert.Throws<InvalidOperationException>(() => loader.First());
    }

    public static TheoryData<string> NonShufflingLoaders() =>
        ["in order", "SequentialSampler", "DistributedSampler(shuffle: false)", "BatchSampler(SequentialSampler)", "BatchSampler(DistributedSampler(shuffle: false))", "a user batch sampler that never hears of epochs"];

    [Theory]
    [MemberData(nameof(NonShufflingLoaders))]
    public void LoadersThatDoNotShuffleNeverWarn(string kind)
    {
        var data = TestData.Indexed(20);
        using var loader = kind switch
        {
            "SequentialSampler" => new EpochDataLoader(data, batchSize: 5, sampler: new SequentialSampler(20), disposeDataset: true),
            "DistributedSampler(shuffle: false)" => new EpochDataLoader(data, batchSize: 5, sampler: new DistributedSampler(20, 2, 1, shuffle: false), disposeDataset: true),
            "BatchSampler(SequentialSampler)" => new EpochDataLoader(data, batchSampler: new BatchSampler(new SequentialSampler(20), 5), disposeDataset: true),
            "BatchSampler(DistributedSampler(shuffle: false))" => new EpochDataLoader(data, batchSampler: new BatchSampler(new DistributedSampler(20, 2, 0, shuffle: false), 5), disposeDataset: true),
            "a user batch sampler that never hears of epochs" => new EpochDataLoader(data, batchSampler: new DeafBatchSampler(new SequentialSampler(20)), disposeDataset: true),
            _ => new EpochDataLoader(data, batchSize: 5, disposeDataset: true),
        };
        using var error = new StandardError();
        for (int i = 0; i < 3; i++) TestData.Epoch(loader);
        loader.ReplayedEpochPolicy = ReplayedEpochPolicy.Throw;
        TestData.Epoch(loader);
        Assert.Empty(error.Text);
    }

    [Fact]
    public void AResumeFromALaterBatchIsNoReplayButIsTheEpochsEnumeration()
    {
        using var loader = Shuffling();
        loader.ReplayedEpochPolicy = ReplayedEpochPolicy.Throw;
        loader.SetEpoch(2);
        var all = TestData.Epoch(loader);

        // Interrupted after one batch, resumed from the second, twice: a mid-epoch resume re-reads on purpose.
        Assert.Equal(all.Skip(1), TestData.Epoch(loader.IterateFrom(1)));
        Assert.Equal(all.Skip(2), TestData.Epoch(loader.IterateFrom(2)));

        // The next epoch, begun without setting it after a resume, is a replay like any other.
        loader.SetEpoch(3);
        TestData.Epoch(loader.IterateFrom(1));
        Assert.Throws<InvalidOperationException>(() => TestData.Epoch(loader));
    }

    [Fact]
    public void TheTypedLoaderWarnsOnceAndThrowsWhenAsked()
    {
        using var loader = new EpochDataLoader<long, long[]>(new Numbers(10), (samples, _) => samples.ToArray(), batchSize: 4, shuffle: true, seed: 1);
        using var error = new StandardError();
        var first = loader.ToList();
        loader.SetEpoch(0);
        loader.ToList();
        Assert.Empty(error.Text);
        Assert.Equal(first, loader.ToList());
        loader.ToList();
        string warning = Assert.Single(error.Warnings);
        Assert.Contains("EpochDataLoader<Int64, Int64[]> (batches from BatchSampler over RandomSampler)", warning);

        loader.ReplayedEpochPolicy = ReplayedEpochPolicy.Throw;
        Assert.Throws<InvalidOperationException>(() => loader.ToList());
        loader.SetEpoch(1);
        Assert.Equal(10, loader.SelectMany(b => b).Count());
    }

    private sealed class Numbers(long n) : torch.utils.data.Dataset<long>
    {
        public override long Count => n;
        public override long GetTensor(long index) => index;
    }

    /// <summary>A batch sampler ported from PyTorch: shuffles per epoch, with PyTorch's set_epoch and no interface.</summary>
    private sealed class PortedBatchSampler : IBatchSampler
    {
        private int _epoch;
        public long Count => 4;
        public void set_epoch(int epoch) => _epoch = epoch;
        public IEnumerator<long[]> GetEnumerator() =>
            Enumerable.Range(0, 32).Select(i => (long)i).OrderBy(i => (i * 7 + _epoch * 13) % 32).Chunk(8).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void ABatchSamplerWithOnlyPyTorchsSetEpochIsGuardedToo()
    {
        using var loader = new EpochDataLoader(TestData.Indexed(32), batchSampler: new PortedBatchSampler(), disposeDataset: true);
        loader.ReplayedEpochPolicy = ReplayedEpochPolicy.Throw;
        foreach (var _ in loader) { }
        var e = Assert.Throws<InvalidOperationException>(() => loader.First());
        Assert.Contains("(batches from PortedBatchSampler)", e.Message);
        Assert.Contains("at an unchanged epoch", e.Message); // it says no epoch, and none was set through the loader
        loader.SetEpoch(1);
        Assert.Equal(4, loader.Count());
    }

    /// <summary>A batch sampler of a user's own that shuffles per epoch: a loader sees only the epochs set through it.</summary>
    private class UserBatchSampler : IBatchSampler, IEpochAware
    {
        public long Count => 4;
        public int Epoch { get; private set; }
        public long EpochVersion { get; private set; }
        public void SetEpoch(int epoch) => (Epoch, EpochVersion) = (epoch, EpochVersion + 1);
        public IEnumerator<long[]> GetEnumerator() =>
            Enumerable.Range(0, 32).Select(i => (long)i).OrderBy(i => (i * 7 + Epoch * 13) % 32).Chunk(8).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The same, telling loaders when its epoch is set, so that setting it directly counts too.</summary>
    private sealed class TellingBatchSampler : UserBatchSampler, IEpochVersioned
    {
        public bool OrderDependsOnEpoch => true;
    }

    /// <summary>A sampler of a user's own that shuffles per epoch and does not tell loaders when its epoch is set.</summary>
    private sealed class UserSampler : ISampler, IEpochAware
    {
        private int _epoch;
        public long Count => 32;
        public void SetEpoch(int epoch) => _epoch = epoch;
        public IEnumerator<long> GetEnumerator() => Enumerable.Range(0, 32).Select(i => (long)((i * 5 + _epoch) % 32)).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A batch sampler that never hears of the epoch, over a sampler that may (PyTorch's shape).</summary>
    private sealed class DeafBatchSampler(ISampler sampler) : IBatchSampler
    {
        public ISampler Sampler => sampler;
        public long Count => (sampler.Count + 4) / 5;
        public IEnumerator<long[]> GetEnumerator() => sampler.Chunk(5).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
