using System.Diagnostics;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Benchmarks;

/// <summary>
/// <see cref="GradientAllReducer.AverageGradients"/> of a model's gradients against the least averaging needs:
/// one raw <c>MPI_Allreduce</c> of the same bytes plus one in-place division, measured side by side (each
/// iteration times one of each, alternating) under <c>mpirun -np 2</c> (BenchmarkDotNet cannot run under a
/// launcher): warm-ups, then medians.
/// </summary>
public static class AllReduceHarness
{
    public static int Run(int iterations = 40, int warmups = 5)
    {
        Dist.Initialize();
        manual_seed(0);
        // A model with layers of many sizes, about 16.9 MB of float32 gradients.
        var model = nn.Sequential(nn.Linear(784, 2048), nn.ReLU(), nn.Linear(2048, 1024), nn.ReLU(), nn.Linear(1024, 512), nn.Linear(512, 10));
        foreach (var p in model.parameters()) p.grad = ones_like(p);
        long bytes = model.parameters().Sum(p => p.numel() * p.element_size());
        using var flat = ones(bytes / 4);

        using var reducer = new GradientAllReducer(model);
        void RawAllReduce() => Dist.AllReduce(flat);
        void RawAverage() { Dist.AllReduce(flat); flat.div_(Dist.WorldSize); }
        var (raw, rawAverage, bucketed) = Medians(iterations, warmups, RawAllReduce, RawAverage, reducer.AverageGradients);
        if (Dist.Rank == 0)
        {
            Console.WriteLine($"ranks {Dist.WorldSize}, {bytes / 1e6:F1} MB of gradients in {reducer.BucketCount} buckets, medians of {iterations}");
            Console.WriteLine($"raw MPI_Allreduce                median {raw * 1e3:F2} ms  {bytes / raw / 1e9:F2} GB/s");
            Console.WriteLine($"raw MPI_Allreduce + div_         median {rawAverage * 1e3:F2} ms  {bytes / rawAverage / 1e9:F2} GB/s");
            Console.WriteLine($"GradientAllReducer               median {bucketed * 1e3:F2} ms  {bytes / bucketed / 1e9:F2} GB/s");
            Console.WriteLine($"AverageGradients / (all-reduce + div_) bandwidth: {rawAverage / bucketed:F2}");
            Console.WriteLine($"AverageGradients / all-reduce alone bandwidth:    {raw / bucketed:F2}");
        }
        return 0;
    }

    /// <summary>The median time of each action; every iteration runs each once, in turn, so that load on the machine hits all alike.</summary>
    private static (double, double, double) Medians(int iterations, int warmups, params Action[] actions)
    {
        for (int i = 0; i < warmups; i++)
            foreach (var action in actions) action();
        var times = actions.Select(_ => new List<double>()).ToArray();
        for (int i = 0; i < iterations; i++)
            for (int a = 0; a < actions.Length; a++)
            {
                Dist.Barrier();
                var clock = Stopwatch.StartNew();
                actions[a]();
                times[a].Add(clock.Elapsed.TotalSeconds);
            }
        double Median(List<double> t) { t.Sort(); return t[t.Count / 2]; }
        return (Median(times[0]), Median(times[1]), Median(times[2]));
    }
}
