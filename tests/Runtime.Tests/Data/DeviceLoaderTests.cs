using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>How the trainer gets batches onto its device: from the loader itself, or moved once as they are yielded.</summary>
public class DeviceLoaderTests
{
    // PyTorch's meta device: tensors with shapes and no values, the one device besides the CPU that every machine has.
    private static readonly Device Meta = new(DeviceType.META, -1);

    [Fact]
    public void ALoaderThatPutsItsBatchesOnTheDeviceIsTakenAsItIs()
    {
        using var loader = new EpochDataLoader(TestData.Indexed(8), batchSize: 3, disposeDataset: true);
        Assert.Same(loader, DeviceLoader.On(loader, CPU));
    }

    [Fact]
    public void BatchesAlreadyOnTheDevicePassAsTheyAre()
    {
        var batches = new List<Dictionary<string, Tensor>> { new() { ["data"] = ones(2, 3) }, new() { ["data"] = zeros(1, 3) } };
        var loader = DeviceLoader.On(ForeignLoader<Dictionary<string, Tensor>>.Adapt(batches), CPU); // a list does not say where its batches are

        var yielded = loader.ToList();
        Assert.Equal(2, yielded.Count);
        Assert.Same(batches[0], yielded[0]); // the same dictionaries: nothing copied
        Assert.Same(batches[1], yielded[1]);
        Assert.Same(batches[1], Assert.Single(loader.IterateFrom(1)));
    }

    [Fact]
    public void BatchesElsewhereAreMovedOnceAndTheirCopiesDisposedAtTheNextBatch()
    {
        using var source = new EpochDataLoader(TestData.Indexed(7), batchSize: 3, disposeBatches: false, disposeDataset: true);
        var loader = DeviceLoader.On(source, Meta);

        Assert.Equal(3, loader.Count); // the rest of the contract is the loader's
        Assert.Equal(7, loader.DatasetLength);
        Assert.Same(source.BatchSampler, loader.BatchSampler);
        Assert.Equal(DeviceType.META, loader.Device!.type);

        var previous = new List<Tensor>();
        int seen = 0;
        foreach (var batch in loader.IterateFrom(1))
        {
            Assert.All(previous, copy => Assert.True(copy.IsInvalid)); // the last batch's copies are gone
            Assert.Equal(DeviceType.META, batch["data"].device_type);
            Assert.Equal(DeviceType.META, batch["label"].device_type);
            previous = [.. batch.Values];
            seen++;
        }

        Assert.Equal(2, seen); // batches 1 and 2
        Assert.All(previous, copy => Assert.True(copy.IsInvalid)); // and the last one's when the epoch ends
    }

    [Fact]
    public void StoppingEarlyDisposesTheCopiesToo()
    {
        using var source = new EpochDataLoader(TestData.Indexed(7), batchSize: 3, disposeBatches: false, disposeDataset: true);
        var loader = DeviceLoader.On(source, Meta);
        var first = loader.First();
        Assert.All(first.Values, copy => Assert.True(copy.IsInvalid));
    }

    [Fact]
    public void SetEpochReachesTheLoader()
    {
        using var source = new EpochDataLoader(TestData.Indexed(12), batchSize: 4, shuffle: true, seed: 3, disposeDataset: true);
        var loader = DeviceLoader.On(source, Meta);
        loader.SetEpoch(5);
        Assert.Equal(5, ((RandomSampler)source.Sampler).Epoch);
    }

    [Fact]
    public void ALoaderIsTakenAsItIsOnlyOnTheSameDeviceTypeAndIndex()
    {
        var meta0 = new Device(DeviceType.META, 0);
        using var onMeta = new EpochDataLoader(TestData.Indexed(8), batchSize: 3, device: Meta, disposeDataset: true);
        using var onMeta0 = new EpochDataLoader(TestData.Indexed(8), batchSize: 3, device: meta0, disposeDataset: true);
        Assert.Same(onMeta, DeviceLoader.On(onMeta, Meta)); // off the CPU too
        Assert.Same(onMeta0, DeviceLoader.On(onMeta0, new Device(DeviceType.META, 0)));
        var other = DeviceLoader.On(onMeta0, new Device(DeviceType.META, 1)); // as cuda:0 and cuda:1
        Assert.NotSame(onMeta0, other);
        Assert.Equal(1, other.Device!.index);
        Assert.NotSame(onMeta, DeviceLoader.On(onMeta, CPU));
    }

    [Fact]
    public void ABatchPartlyOnTheDeviceKeepsThoseTensorsAndMovesTheRest()
    {
        using var there = zeros(2, 3, device: Meta);
        using var here = ones(2, 1);
        var batches = new List<Dictionary<string, Tensor>> { new() { ["data"] = there, ["label"] = here } };
        var loader = DeviceLoader.On(ForeignLoader<Dictionary<string, Tensor>>.Adapt(batches), Meta);

        using var moved = loader.GetEnumerator();
        Assert.True(moved.MoveNext());
        Assert.NotSame(batches[0], moved.Current);
        Assert.Equal(["data", "label"], moved.Current.Keys.Order());
        Assert.Same(there, moved.Current["data"]); // already there: not copied
        Assert.Equal(DeviceType.META, moved.Current["label"].device_type);
        Assert.Equal(here.shape, moved.Current["label"].shape);
        Assert.False(moved.MoveNext());
        Assert.False(there.IsInvalid); // the loader disposes only its copies
        Assert.False(here.IsInvalid);
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        using var source = new EpochDataLoader(TestData.Indexed(4), disposeDataset: true);
        Assert.Equal("loader", Assert.Throws<ArgumentNullException>(() => DeviceLoader.On(null!, CPU)).ParamName);
        Assert.Equal("device", Assert.Throws<ArgumentNullException>(() => DeviceLoader.On(source, null!)).ParamName);
        Assert.Equal("firstBatch", Assert.Throws<ArgumentOutOfRangeException>(() => DeviceLoader.On(source, Meta).IterateFrom(-1)).ParamName);
    }
}
