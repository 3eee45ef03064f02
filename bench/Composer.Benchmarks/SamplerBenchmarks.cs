using BenchmarkDotNet.Attributes;
using Composer.Data;
using static TorchSharp.torch;

namespace Composer.Benchmarks;

/// <summary>
/// One epoch of a sampler against <c>torch.randperm</c> of the same length alone, the work no
/// PyTorch-exact shuffle can avoid. Goal: at most 1.2× randperm.
/// </summary>
[MemoryDiagnoser]
public class SamplerBenchmarks
{
    private const long Length = 10_000_000;
    private int _epoch;
    private DistributedSampler _distributed = null!;
    private ClassBalancedBatchSampler _classBalanced = null!;

    [GlobalSetup]
    public void Setup()
    {
        _distributed = new DistributedSampler(Length, numReplicas: 2, rank: 0, shuffle: true, seed: 0);
        // Fashion-MNIST's shape: 60,000 labels over 10 classes.
        var labels = Enumerable.Range(0, 60_000).Select(i => (long)(i % 10)).ToArray();
        _classBalanced = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 16, seed: 0);
    }

    [Benchmark(Baseline = true, Description = "torch.randperm(1e7)")]
    public long RandPerm()
    {
        using var generator = new Generator((ulong)_epoch++);
        using var permutation = randperm(Length, generator: generator);
        return permutation.shape[0];
    }

    [Benchmark(Description = "DistributedSampler epoch (1e7, 2 replicas)")]
    public long DistributedSamplerEpoch()
    {
        _distributed.SetEpoch(_epoch++);
        long sum = 0;
        foreach (long index in _distributed) sum += index;
        return sum;
    }

    [Benchmark(Description = "ClassBalancedBatchSampler epoch (60k labels, 8x16)")]
    public long ClassBalancedEpoch()
    {
        _classBalanced.SetEpoch(_epoch++);
        long sum = 0;
        foreach (long[] batch in _classBalanced) sum += batch[0];
        return sum;
    }
}
