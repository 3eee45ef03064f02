using System.Diagnostics;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Benchmarks;

/// <summary>
/// Bucketed gradient all-reduce of a model's gradients against one raw <c>MPI_Allreduce</c> of the same
/// bytes, under <c>mpirun -np 2</c> (BenchmarkDotNet cannot run under a launcher): warm-ups, then medians.
/// </summary>
public static class AllReduceHarness
{
    public static int Run(int iterations = 30, int warmups = 5)
    {
        Dist.Initialize();
        manual_seed(0);
        // A model with layers of many sizes, about 13 MB of float32 gradients.
        var model = nn.Sequential(nn.Linear(784, 2048), nn.ReLU(), nn.Linear(2048, 1024), nn.ReLU(), nn.Linear(1024, 512), nn.Linear(512, 10));
        foreach (var p in model.parameters()) p.grad = ones_like(p);
        long bytes = model.parameters().Sum(p => p.numel() * p.element_size());
        using var flat = ones(bytes / 4);

        using var reducer = new GradientAllReducer(model);
        double raw = Median(() => Dist.AllReduce(flat), iterations, warmups);
        double bucketed = Median(reducer.AverageGradients, iterations, warmups);
        if (Dist.Rank == 0)
        {
            Console.WriteLine($"ranks {Dist.WorldSize}, {bytes / 1e6:F1} MB of gradients in {reducer.BucketCount} buckets");
            Console.WriteLine($"raw MPI_Allreduce      median {raw * 1e3:F2} ms  {bytes / raw / 1e9:F2} GB/s");
            Console.WriteLine($"GradientAllReducer     median {bucketed * 1e3:F2} ms  {bytes / bucketed / 1e9:F2} GB/s");
            Console.WriteLine($"bucketed / raw bandwidth: {raw / bucketed:P0}");
        }
        return 0;
    }

    static double Median(Action action, int iterations, int warmups)
    {
        for (int i = 0; i < warmups; i++) action();
        var times = new List<double>();
        for (int i = 0; i < iterations; i++)
        {
            Dist.Barrier();
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
