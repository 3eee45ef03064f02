using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

public class EpochsTests
{
    /// <summary>Counts the calls it gets, to check that every part is set exactly once.</summary>
    private sealed class CountingSampler(long length) : ISampler, IEpochAware
    {
        public List<int> Calls { get; } = [];
        public long Count => length;
        public void SetEpoch(int epoch) => Calls.Add(epoch);
        public IEnumerator<long> GetEnumerator() => Enumerable.Range(0, (int)length).Select(i => (long)i).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void ReachesTheSamplerInsideABatchSamplerOnce()
    {
        var inner = new CountingSampler(10);
        using var loader = new EpochDataLoader(TestData.Indexed(10), batchSampler: new BatchSampler(inner, 3), disposeDataset: true);
        Epochs.SetEpoch(loader, 4);
        Assert.Equal([4], inner.Calls);
    }

    [Fact]
    public void ReachesALoadersOwnSamplerOnce()
    {
        var sampler = new CountingSampler(10);
        using var loader = new EpochDataLoader(TestData.Indexed(10), batchSize: 2, sampler: sampler, disposeDataset: true);
        loader.SetEpoch(2); // the BatchSampler made over it forwards; the loader's Sampler is the same object
        Assert.Equal([2], sampler.Calls);
    }

    [Fact]
    public void ReachesADistributedSamplerGivenToTorchSharpsDataLoader()
    {
        using var dataset = TestData.Indexed(20);
        var sampler = new DistributedSampler(20, numReplicas: 2, rank: 1, seed: 3);
        using var loader = new TorchSharp.Modules.DataLoader(dataset, 5, sampler, disposeDataset: false);
        var epoch0 = TestData.Epoch(loader);
        Epochs.SetEpoch(loader, 1);
        Assert.Equal(1, sampler.Epoch);
        Assert.NotEqual(epoch0, TestData.Epoch(loader));
    }

    /// <summary>
    /// The helper given a shuffling loader's sampler (the <see cref="RandomSampler"/> its <c>shuffle: true</c> made) sets that
    /// sampler, which the loader draws from: the next epoch has another order, as after <c>loader.SetEpoch</c>. The analyzer
    /// counts the call as handling the loader (CMP002) and flags it only when the loader has a batch sampler of yours (CMP001).
    /// </summary>
    [Fact]
    public void ReachesAShufflingLoadersSamplerWhenGivenIt()
    {
        using var loader = new EpochDataLoader(TestData.Indexed(40), batchSize: 8, shuffle: true, seed: 4, disposeDataset: true);
        using var reference = new EpochDataLoader(TestData.Indexed(40), batchSize: 8, shuffle: true, seed: 4, disposeDataset: true);
        var epoch0 = TestData.Epoch(loader);
        Epochs.SetEpoch(loader.Sampler, 1);
        reference.SetEpoch(1);
        Assert.Equal(1, ((RandomSampler)loader.Sampler).Epoch);
        var epoch1 = TestData.Epoch(loader);
        Assert.NotEqual(epoch0, epoch1);
        Assert.Equal(TestData.Epoch(reference), epoch1);
    }

    /// <summary>A loader ported from PyTorch: its own type, PyTorch's member names, a set_epoch on a user sampler.</summary>
    private sealed class PortedLoader
    {
        public PortedSampler sampler = new();
        public PortedBatchSampler batch_sampler = new();
        public object dataset = new();
    }
    private sealed class PortedSampler { public int Epoch = -1; public void set_epoch(int epoch) => Epoch = epoch; }
    private sealed class PortedBatchSampler
    {
        public PortedSampler sampler = new();
        public int Epoch = -1;
        public void SetEpoch(int epoch) => Epoch = epoch;
    }

    [Fact]
    public void ReachesEveryPartOfALoaderTypeItHasNeverSeen()
    {
        var loader = new PortedLoader();
        Epochs.SetEpoch(loader, 6);
        Assert.Equal(6, loader.batch_sampler.Epoch);
        Assert.Equal(6, loader.batch_sampler.sampler.Epoch);
        Assert.Equal(6, loader.sampler.Epoch);
    }

    /// <summary>
    /// A loader of the user's that keeps its order under a name of its own and sets it in its own SetEpoch (explicitly
    /// implemented); its Dataset is a plain list, a part by name that takes no epoch.
    /// </summary>
    private sealed class SelfSettingLoader(bool callsBack) : IEpochAware
    {
        private readonly CountingSampler _order = new(10);
        public List<float[]> Dataset { get; } = [];
        public List<int> Calls => _order.Calls;
        public int Entered { get; private set; }

        void IEpochAware.SetEpoch(int epoch) => SetEpoch(epoch);

        public void SetEpoch(int epoch)
        {
            Entered++;
            _order.SetEpoch(epoch);
            if (callsBack) Epochs.SetEpoch(this, epoch); // as EpochDataLoader.SetEpoch does
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SetsALoaderWithNoKnownPartsThroughItsOwnSetterOnce(bool callsBack)
    {
        var loader = new SelfSettingLoader(callsBack);
        Epochs.SetEpoch(loader, 5);
        Assert.Equal([5], loader.Calls);
        Assert.Equal(1, loader.Entered);
        // Its own setter called directly: when it calls back, the call back sets it once more to the same epoch (harmless:
        // setting an epoch twice changes nothing), and stops there.
        loader.SetEpoch(6);
        Assert.Equal(callsBack ? [5, 6, 6] : [5, 6], loader.Calls);
    }

    /// <summary>Takes an epoch through a public SetEpoch, as a part of a user's loader.</summary>
    private sealed class Part { public int Epoch = -1; public void SetEpoch(int epoch) => Epoch = epoch; }

    // The other spellings of the parts: camelCase and private fields (TorchSharp's and PyTorch ports' own are above).
    private sealed class CamelBatchSampler { public Part batchSampler = new(); }
    private sealed class PrivateBatchSampler { private readonly Part _batchSampler = new(); public Part Part => _batchSampler; }
    private sealed class SnakeBatchSampler { private readonly Part _batch_sampler = new(); public Part Part => _batch_sampler; }
    private sealed class PrivateSampler { private readonly Part _sampler = new(); public Part Part => _sampler; }
    private sealed class PascalDataset { public Part Dataset { get; } = new(); }
    private sealed class LowerDataset { public Part dataset = new(); }
    private sealed class PrivateDataset { private readonly Part _dataset = new(); public Part Part => _dataset; }

    /// <summary>A batch sampler that takes no epoch, over a sampler kept under a private name that does.</summary>
    private sealed class PlainBatchSampler { private readonly Part _sampler = new(); public Part Part => _sampler; }
    private sealed class OverPlainBatchSampler { public PlainBatchSampler BatchSampler { get; } = new(); }

    public static TheoryData<string> Spellings() =>
        ["batchSampler", "_batchSampler", "_batch_sampler", "_sampler", "Dataset", "dataset", "_dataset", "_sampler inside a batch sampler"];

    [Theory]
    [MemberData(nameof(Spellings))]
    public void ReachesPartsUnderEverySpellingItNames(string spelling)
    {
        (object loader, Func<Part> part) = spelling switch
        {
            "batchSampler" => Of(new CamelBatchSampler(), l => l.batchSampler),
            "_batchSampler" => Of(new PrivateBatchSampler(), l => l.Part),
            "_batch_sampler" => Of(new SnakeBatchSampler(), l => l.Part),
            "_sampler" => Of(new PrivateSampler(), l => l.Part),
            "Dataset" => Of(new PascalDataset(), l => l.Dataset),
            "dataset" => Of(new LowerDataset(), l => l.dataset),
            "_dataset" => Of(new PrivateDataset(), l => l.Part),
            _ => Of(new OverPlainBatchSampler(), l => l.BatchSampler.Part),
        };
        Epochs.SetEpoch(loader, 7);
        Assert.Equal(7, part().Epoch);
    }

    private static (object, Func<Part>) Of<TLoader>(TLoader loader, Func<TLoader, Part> part) where TLoader : notnull => (loader, () => part(loader));

    /// <summary>A data set that reshuffles its augmentations per epoch: the loader's <c>Dataset</c> is one of the parts set.</summary>
    private sealed class EpochAwareRows(long n) : torch.utils.data.Dataset, IEpochAware
    {
        private readonly InMemoryDataset _inner = TestData.Indexed(n);
        public List<int> Calls { get; } = [];
        public override long Count => _inner.Count;
        public override Dictionary<string, Tensor> GetTensor(long index) => _inner.GetTensor(index);
        public void SetEpoch(int epoch) => Calls.Add(epoch);
        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }

    [Fact]
    public void ReachesTheDataSetOfAnEpochDataLoader()
    {
        var dataset = new EpochAwareRows(6);
        using var loader = new EpochDataLoader(dataset, batchSize: 2, disposeDataset: true);
        loader.SetEpoch(3);
        Epochs.SetEpoch(loader, 4);
        Assert.Equal([3, 4], dataset.Calls);
    }

    /// <summary>
    /// A user's loader with one part that takes the epoch (by role) and a SetEpoch of its own that does something else (keeps
    /// an order under another name): both are set, the loader's own setter once and last. Red team 28 ran a loader whose
    /// own SetEpoch reshuffled and whose data set took the epoch: only the data set was set, and every epoch replayed.
    /// </summary>
    private sealed class OwnSetterLoader(string role)
    {
        public Part Taker { get; } = new();
        public object? batch_sampler => role switch { "batch sampler" => Taker, "sampler inside the batch sampler" => new PlainBatchSamplerOf(Taker), _ => null };
        public object? sampler => role == "sampler" ? Taker : null;
        public object? dataset => role == "data set" ? Taker : new List<int>();
        public int OwnCalls { get; private set; }
        public int TakerEpochWhenOwnCalled { get; private set; } = -1;
        public void SetEpoch(int epoch)
        {
            OwnCalls++;
            TakerEpochWhenOwnCalled = Taker.Epoch;
        }
    }

    private sealed class PlainBatchSamplerOf(Part inner) { public Part sampler => inner; }

    [Theory]
    [InlineData("batch sampler")]
    [InlineData("sampler inside the batch sampler")]
    [InlineData("sampler")]
    [InlineData("data set")]
    public void ALoaderWhosePartTakesTheEpochIsAlsoSetThroughItsOwnSetterLast(string role)
    {
        var loader = new OwnSetterLoader(role);
        Epochs.SetEpoch(loader, 2);
        Assert.Equal(2, loader.Taker.Epoch);
        Assert.Equal(1, loader.OwnCalls);
        Assert.Equal(2, loader.TakerEpochWhenOwnCalled); // its parts were set before it
    }

    /// <summary>PyTorch's shape: loader.sampler is batch_sampler.sampler, here a sequential one; the order is kept elsewhere.</summary>
    private sealed class SharedPlainSamplerLoader
    {
        public SharedPlainSamplerLoader() => batch_sampler = new PlainBatchSamplerOver(sampler);
        public SequentialSampler sampler { get; } = new(10);
        public PlainBatchSamplerOver batch_sampler { get; }
        public List<int> OwnCalls { get; } = [];
        public void SetEpoch(int epoch) => OwnCalls.Add(epoch);
    }

    private sealed class PlainBatchSamplerOver(SequentialSampler inner) { public SequentialSampler sampler => inner; }

    [Fact]
    public void ASamplerSharedByTheLoaderAndItsBatchSamplerThatTakesNoEpochLeavesItToTheLoadersOwnSetter()
    {
        var loader = new SharedPlainSamplerLoader();
        Epochs.SetEpoch(loader, 3);
        Assert.Equal([3], loader.OwnCalls);
    }

    /// <summary>
    /// A data set that batches itself and is its own loader (its Dataset is itself), whose SetEpoch calls back, as
    /// EpochDataLoader's does; re-entered more than once, it fails instead of overflowing the stack.
    /// </summary>
    private sealed class SelfLoadingDataset
    {
        private int _depth;
        public SelfLoadingDataset Dataset => this;
        public List<int> Calls { get; } = [];

        public void SetEpoch(int epoch)
        {
            if (++_depth > 2) throw new InvalidOperationException("SetEpoch re-entered without end");
            try
            {
                Calls.Add(epoch);
                Epochs.SetEpoch(this, epoch);
            }
            finally
            {
                _depth--;
            }
        }
    }

    [Fact]
    public void ALoaderThatIsItsOwnPartIsSetOnce()
    {
        var loader = new SelfLoadingDataset();
        Epochs.SetEpoch(loader, 4);
        Assert.Equal([4], loader.Calls); // once, and the call back stops there
    }

    /// <summary>A batch sampler of the user's that wraps another and does not forward the epoch (a port of a drop-last or repeat wrapper).</summary>
    private sealed class DropLast(IBatchSampler inner, int batchSize) : IBatchSampler
    {
        public long Count => inner.Count;
        public IEnumerator<long[]> GetEnumerator() => inner.Where(b => b.Length == batchSize).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void ReachesTheSamplerInsideBatchSamplersThatWrapAnother()
    {
        var inner = new CountingSampler(10);
        using var loader = new EpochDataLoader(TestData.Indexed(10), batchSampler: new DropLast(new DropLast(new BatchSampler(inner, 3), 3), 3), disposeDataset: true);
        Epochs.SetEpoch(loader, 4);
        Assert.Equal([4], inner.Calls);
    }

    [Fact]
    public void AWrappedShufflingBatchSamplerGetsANewOrderEveryEpoch()
    {
        using var loader = new EpochDataLoader(TestData.Indexed(40), batchSampler: new DropLast(new BatchSampler(new RandomSampler(40, seed: 3), 8), 8), disposeDataset: true);
        loader.SetEpoch(0);
        var first = TestData.Epoch(loader);
        loader.SetEpoch(1);
        Assert.NotEqual(first, TestData.Epoch(loader));
    }

    /// <summary>Red team 26: wrappers that hold their parts as sequences, hold two, or forward an epoch of their own.</summary>
    private sealed class ByLength(IEnumerable<long[]> batches) : IBatchSampler
    {
        public long Count => batches.LongCount();
        public IEnumerator<long[]> GetEnumerator() => batches.OrderBy(b => b.Length).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Mix(IBatchSampler a, IBatchSampler b) : IBatchSampler
    {
        public long Count => a.Count + b.Count;
        public IEnumerator<long[]> GetEnumerator() => a.Concat(b).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Scaled(BatchSampler inner) : IBatchSampler, IEpochAware
    {
        public long Count => inner.Count;
        public void SetEpoch(int epoch) => inner.SetEpoch(epoch * 10);
        public IEnumerator<long[]> GetEnumerator() => inner.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Subset(ISampler inner, long keep) : ISampler
    {
        public long Count => Math.Min(keep, inner.Count);
        public IEnumerator<long> GetEnumerator() => inner.Take((int)Count).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void ReachesEverySamplerAWrapperHoldsWhateverItsFieldsAreTyped()
    {
        var first = new CountingSampler(10);
        var second = new CountingSampler(10);
        var third = new CountingSampler(10);
        var mix = new Mix(new ByLength(new BatchSampler(first, 3)), new DropLast(new BatchSampler(second, 3), 3));
        using var loader = new EpochDataLoader(TestData.Indexed(10), batchSampler: new Mix(mix, new BatchSampler(third, 2)), disposeDataset: true);
        Epochs.SetEpoch(loader, 6);
        Assert.Equal([6], first.Calls);
        Assert.Equal([6], second.Calls);
        Assert.Equal([6], third.Calls);
    }

    [Fact]
    public void AnEpochAwareWrapperForwardsTheEpochItsOwnWay()
    {
        var inner = new BatchSampler(new RandomSampler(10), 3);
        using var loader = new EpochDataLoader(TestData.Indexed(10), batchSampler: new Scaled(inner), disposeDataset: true);
        Epochs.SetEpoch(loader, 5);
        Assert.Equal(50, inner.Epoch);
    }

    [Fact]
    public void ASamplerWrapperThatTakesNoEpochHasTheSamplerInsideItSet()
    {
        using var loader = new EpochDataLoader(TestData.Indexed(40), batchSize: 8, sampler: new Subset(new RandomSampler(40, seed: 3), 32), disposeDataset: true);
        loader.SetEpoch(0);
        var first = TestData.Epoch(loader);
        loader.SetEpoch(1);
        Assert.NotEqual(first, TestData.Epoch(loader));
    }

    /// <summary>Two wrappers that hold each other (and one itself) by accident: each object is set once and the call ends.</summary>
    private sealed class Loop(ISampler inner) : ISampler
    {
        public ISampler? Other;
        public ISampler Self => _self!;
        private ISampler? _self;
        public Loop Tie(Loop other) { Other = other; _self = this; return this; }
        public long Count => inner.Count;
        public IEnumerator<long> GetEnumerator() => inner.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void WrappersThatHoldEachOtherAreSetOnceAndTheCallEnds()
    {
        var first = new CountingSampler(10);
        var second = new CountingSampler(10);
        var a = new Loop(first);
        var b = new Loop(second);
        a.Tie(b);
        b.Tie(a);
        using var loader = new EpochDataLoader(TestData.Indexed(10), batchSize: 2, sampler: a, disposeDataset: true);
        Epochs.SetEpoch(loader, 3);
        Assert.Equal([3], first.Calls);
        Assert.Equal([3], second.Calls);
    }

    [Fact]
    public void SettingTheSameEpochTwiceChangesNothing()
    {
        using var loader = new EpochDataLoader(TestData.Indexed(30), batchSize: 4, shuffle: true, disposeDataset: true);
        loader.SetEpoch(3);
        var once = TestData.Epoch(loader);
        loader.SetEpoch(3);
        Assert.Equal(once, TestData.Epoch(loader));
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        Assert.Equal("loader", Assert.Throws<ArgumentNullException>(() => Epochs.SetEpoch(null!, 0)).ParamName);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => Epochs.SetEpoch(new PortedLoader(), -2));
        Assert.Equal("epoch", negative.ParamName);
        Assert.Contains("-2", negative.Message);
    }
}
