using System.Diagnostics;
using static TorchSharp.torch;

namespace Composer.Benchmarks;

/// <summary>
/// <see cref="TrainerWorkload"/>'s trainer against its hand-written loop, side by side: every iteration times one epoch
/// of each, in alternating order, so that load from other processes on a shared machine hits both alike. Reports wall
/// time and the CPU time of this process (user + system, all threads): on a machine shared with other jobs the wall
/// time mostly measures waiting for a core, the CPU time what the work costs. With one torch thread the CPU time has
/// no spinning of idle intra-op threads in it. Ratios are loop time / trainer time: the trainer's share of the loop's speed.
/// </summary>
public static class TrainerHarness
{
    public static int Run(string model, int iterations, int threads, int warmups = 2)
    {
        using var workload = new TrainerWorkload(model);
        if (threads > 0)
        {
            set_num_threads(threads);
        }

        for (int i = 0; i < warmups; i++)
        {
            workload.HandWritten();
            workload.Trainer();
        }

        var loop = new List<(double Wall, double Cpu)>();
        var trainer = new List<(double Wall, double Cpu)>();
        for (int i = 0; i < iterations; i++)
        {
            bool loopFirst = i % 2 == 0;
            var a = Time(loopFirst ? workload.HandWritten : workload.Trainer);
            var b = Time(loopFirst ? workload.Trainer : workload.HandWritten);
            loop.Add(loopFirst ? a : b);
            trainer.Add(loopFirst ? b : a);
        }

        Console.WriteLine($"{model}: {iterations} iterations (after {warmups} warm-ups), one epoch each, alternating; torch threads {get_num_threads()}");
        foreach (var (name, pick) in new (string, Func<(double Wall, double Cpu), double>)[] { ("wall", t => t.Wall), ("cpu", t => t.Cpu) })
        {
            var l = loop.Select(pick).ToList();
            var t = trainer.Select(pick).ToList();
            var ratios = l.Zip(t, (x, y) => x / y).ToList();
            Console.WriteLine($"{name,-4} loop median {Median(l) * 1e3,9:F1} ms (min {l.Min() * 1e3:F1})   trainer median {Median(t) * 1e3,9:F1} ms (min {t.Min() * 1e3:F1})   " +
                $"trainer/loop speed: median of ratios {Median(ratios):F3}, ratio of medians {Median(l) / Median(t):F3}, ratio of minima {l.Min() / t.Min():F3}");
        }

        return 0;
    }

    private static (double Wall, double Cpu) Time(Func<double> action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        double wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
