using System.Collections.Concurrent;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>Both EpochDataLoader types through <see cref="IDataLoader{TBatch}"/>: what a trainer reads of them.</summary>
public class DataLoaderContractTests
{
    [Fact]
    public void EpochDataLoaderSaysItsBatchesSamplerDataSetAndDevice()
    {
        using var loader = new EpochDataLoader(TestData.Indexed(10), batchSize: 4, disposeDataset: true);
        IDataLoader<Dictionary<string, Tensor>> contract = loader;
        Assert.Equal(3, contract.Count);
        Assert.Equal(10, contract.DatasetLength);
        Assert.Same(loader.BatchSampler, contract.BatchSampler);
        Assert.Equal(DeviceType.CPU, contract.Device!.type);
    }

    [Fact]
    public void TypedLoaderSaysItsBatchesSamplerDataSetAndDevice()
    {
        using var loader = new EpochDataLoader<long, long[]>(new CountingNumbers(10), (samples, _) => samples.ToArray(), batchSize: 4, dropLast: true);
        IDataLoader<long[]> contract = loader;
        Assert.Equal(2, contract.Count);
        Assert.Equal(10, contract.DatasetLength);
        Assert.Same(loader.BatchSampler, contract.BatchSampler);
        Assert.Equal(DeviceType.CPU, contract.Device!.type);
    }

    [Fact]
    public void EitherLoaderSaysItsBatchSizeOrNullWhenABatchSamplerDecides()
    {
        using var data = TestData.Indexed(10);
        using var sized = new EpochDataLoader(data, batchSize: 4);
        using var sampled = new EpochDataLoader(data, batchSampler: new BatchSampler(new SequentialSampler(10), 4));
        Assert.Equal(4, sized.BatchSize);
        Assert.Null(sampled.BatchSize);
        using var typedSized = new EpochDataLoader<long, long[]>(new CountingNumbers(10), (samples, _) => samples.ToArray(), batchSize: 3);
        using var typedSampled = new EpochDataLoader<long, long[]>(new CountingNumbers(10), (samples, _) => samples.ToArray(), batchSampler: new BatchSampler(new SequentialSampler(10), 3));
        Assert.Equal(3, typedSized.BatchSize);
        Assert.Null(typedSampled.BatchSize);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)] // past the last batch: none
    public void EitherLoaderIteratesFromBatchNExactlyAsTheWholeEpochDoesPastN(int firstBatch)
    {
        using var loader = new EpochDataLoader(TestData.Indexed(30), batchSize: 4, shuffle: true, seed: 6, disposeDataset: true);
        using var typed = new EpochDataLoader<long, long[]>(new CountingNumbers(30), (samples, _) => samples.ToArray(), batchSize: 4, shuffle: true, seed: 6);
        loader.SetEpoch(2);
        typed.SetEpoch(2);
        var whole = TestData.Epoch(loader);
        var wholeTyped = typed.ToList();
        Assert.Equal(whole, wholeTyped); // the same sampler, the same order

        loader.SetEpoch(2); // the same epoch again: a deliberate re-read, not a replay
        typed.SetEpoch(2);
        Assert.Equal(whole.Skip(firstBatch), TestData.Epoch(((IDataLoader<Dictionary<string, Tensor>>)loader).IterateFrom(firstBatch)));
        Assert.Equal(wholeTyped.Skip(firstBatch), ((IDataLoader<long[]>)typed).IterateFrom(firstBatch));
    }

    [Fact]
    public void TypedLoaderResumesMidEpochWithoutLoadingTheBatchesBeforeIt()
    {
        var numbers = new CountingNumbers(40);
        using var loader = new EpochDataLoader<long, long[]>(numbers, (samples, _) => samples.ToArray(), batchSize: 5, shuffle: true, seed: 2);
        loader.SetEpoch(1);
        var whole = loader.ToList();
        numbers.Reads.Clear();

        IDataLoader<long[]> contract = loader;
        var rest = contract.IterateFrom(6).ToList();

        Assert.Equal(whole.Skip(6), rest);
        Assert.Equal(whole.Skip(6).SelectMany(b => b).Order(), numbers.Reads.Order()); // only the samples of batches 6 and 7 were read
    }

    [Fact]
    public void IteratingFromANegativeBatchNamesTheArgument()
    {
        using var typed = new EpochDataLoader<long, long[]>(new CountingNumbers(4), (samples, _) => samples.ToArray());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ((IDataLoader<long[]>)typed).IterateFrom(-2));
        Assert.Equal("firstBatch", e.ParamName);
        Assert.Contains("-2", e.Message);
    }

    /// <summary>Sample i is i; every read is recorded, from any thread.</summary>
    private sealed class CountingNumbers(long n) : torch.utils.data.Dataset<long>
    {
        public ConcurrentBag<long> Reads { get; } = [];

        public override long Count => n;

        public override long GetTensor(long index)
        {
            Reads.Add(index);
            return index;
        }
    }
}
