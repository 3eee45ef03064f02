using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>Per-sample generators: the loaders hand each sample SampleRandom(seed, epoch, index), whatever the order or the thread.</summary>
public class DeterministicAugmentationTests
{
    /// <summary>Sample i is (i, its generator's first double): batches show which generator each sample got.</summary>
    private sealed class Draws(long count) : torch.utils.data.Dataset, IRandomizedDataset<Dictionary<string, Tensor>>
    {
        public override long Count => count;
        public override Dictionary<string, Tensor> GetTensor(long index) => GetSample(index, new SampleRandom(0, 0, index));
        public Dictionary<string, Tensor> GetSample(long index, SampleRandom random) => new()
        {
            ["index"] = tensor(random.Index),
            ["draw"] = tensor(random.NextDouble(), ScalarType.Float64),
        };
    }

    private sealed class TypedDraws(long count) : torch.utils.data.Dataset<(long Index, double Draw)>, IRandomizedDataset<(long Index, double Draw)>
    {
        public override long Count => count;
        public override (long, double) GetTensor(long index) => (index, double.NaN);
        public (long Index, double Draw) GetSample(long index, SampleRandom random) => (random.Index, random.NextDouble());
    }

    private static Dictionary<long, double> DrawsBySample(IEnumerable<Dictionary<string, Tensor>> loader)
    {
        var draws = new Dictionary<long, double>();
        foreach (var batch in loader)
        {
            long[] indices = batch["index"].data<long>().ToArray();
            double[] values = batch["draw"].data<double>().ToArray();
            for (int i = 0; i < indices.Length; i++) draws.Add(indices[i], values[i]);
        }
        return draws;
    }

    private static double Expected(int seed, int epoch, long index) => new SampleRandom(seed, epoch, index).NextDouble();

    [Fact]
    public void TheLoaderPassesItsSeedTheEpochItWasSetToAndTheIndex()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        using var loader = new EpochDataLoader(new Draws(20), batchSize: 6, shuffle: true, seed: 5);
        foreach (int epoch in new[] { 0, 3, 1 })
        {
            loader.SetEpoch(epoch);
            var draws = DrawsBySample(loader);
            Assert.Equal(20, draws.Count);
            Assert.All(draws, d => Assert.Equal(Expected(5, epoch, d.Key), d.Value));
        }
        Epochs.SetEpoch(loader, 7); // the trainer's way
        Assert.All(DrawsBySample(loader), d => Assert.Equal(Expected(5, 7, d.Key), d.Value));
    }

    [Fact]
    public void ASampleIsTheSameInAnyOrderWithPrefetchAndAfterAResume()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        using var sequential = new EpochDataLoader(new Draws(30), batchSize: 4, seed: 9);
        using var shuffled = new EpochDataLoader(new Draws(30), batchSize: 4, shuffle: true, seed: 9, prefetch: true);
        sequential.SetEpoch(2);
        shuffled.SetEpoch(2);
        var all = DrawsBySample(sequential);
        Assert.Equal(all, DrawsBySample(shuffled));
        var resumed = DrawsBySample(shuffled.IterateFrom(3)); // mid-epoch: batches 3.. of the same order
        Assert.Equal(30 - 12, resumed.Count);
        Assert.All(resumed, d => Assert.Equal(all[d.Key], d.Value));
    }

    [Fact]
    public void TheTypedLoaderPassesTheSameGenerators()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        using var loader = new EpochDataLoader<(long Index, double Draw), (long Index, double Draw)[]>(
            new TypedDraws(10), (samples, _) => [.. samples], batchSize: 3, shuffle: true, seed: 11, prefetch: true);
        loader.SetEpoch(4);
        var samples = loader.SelectMany(b => b).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), samples.Select(s => s.Index).Order());
        Assert.All(samples, s => Assert.Equal(Expected(11, 4, s.Index), s.Draw));
    }

    [Fact]
    public void TheEpochIsTheOneSetWhenTheEnumerationBegan()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        using var loader = new EpochDataLoader(new Draws(8), batchSize: 2, seed: 1);
        loader.SetEpoch(1);
        var draws = new Dictionary<long, double>();
        foreach (var batch in loader)
        {
            loader.SetEpoch(2); // for the next epoch; this one keeps epoch 1
            draws[batch["index"][0].item<long>()] = batch["draw"][0].item<double>();
        }
        Assert.All(draws, d => Assert.Equal(Expected(1, 1, d.Key), d.Value));
    }

    [Fact]
    public void SamplesCanBeLoadedFromManyThreadsAtOnce()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        // What workers will do: the same sample is the same whichever thread loads it, in whatever order.
        var dataset = new TypedDraws(1000);
        var parallel = new double[1000];
        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[999 - i] = dataset.GetSample(999 - i, new SampleRandom(3, 1, 999 - i)).Draw);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => Expected(3, 1, i)), parallel);
    }
}
