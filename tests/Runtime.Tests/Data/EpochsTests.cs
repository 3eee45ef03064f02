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
