using System.Diagnostics;

namespace Composer.Benchmarks;

/// <summary>
/// The loader-worker goals measured side by side: every round runs each variant of
/// <see cref="WorkerLoaderBenchmarks"/> and <see cref="ImageFolderBenchmarks"/> once, in turn, so that load from other
/// work on a shared machine hits all of them alike (BenchmarkDotNet runs one variant's iterations after another's);
/// then medians and the ratios the goals are judged by. <c>dotnet Composer.Benchmarks.dll --loader-workers [rounds]</c>.
/// </summary>
public static class LoaderWorkersHarness
{
    public static int Run(int rounds = 15, int warmups = 2)
    {
        var loaders = new WorkerLoaderBenchmarks();
        var images = new ImageFolderBenchmarks();
        loaders.Setup();
        images.Setup();
        try
        {
            var variants = new (string Name, Func<double> Run)[]
            {
                ("alone, workers: 0", loaders.AloneWithoutWorkers),
                ("alone, workers: 2", loaders.AloneWithTwoWorkers),
                ("alone, workers: 1", loaders.AloneWithOneWorker),
                ("alone, TorchSharp num_worker: 2", loaders.AloneTorchSharp),
                ("4 ms wait, workers: 0", loaders.WaitingWithoutWorkers),
                ("4 ms wait, workers: 2", loaders.WaitingWithTwoWorkers),
                ("4 ms wait, TorchSharp num_worker: 2", loaders.WaitingTorchSharp),
                ("image folder, one-thread loop", images.SingleThreadedLoop),
                ("image folder, workers: 0", images.LoaderWithoutWorkers),
                ("image folder, workers: 2", images.LoaderWithTwoWorkers),
            };
            for (int i = 0; i < warmups; i++)
                foreach (var variant in variants) variant.Run();
            var times = variants.Select(_ => new List<double>()).ToArray();
            var cpu = variants.Select(_ => new List<double>()).ToArray(); // the process's CPU time: where parallel work costs more than it saves
            var gc = variants.Select(_ => new List<double>()).ToArray();  // time every thread stood still for the GC: serial work no worker can share
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"load average at the start: {LoadAverage()}");
            for (int round = 0; round < rounds; round++)
                for (int v = 0; v < variants.Length; v++)
                {
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var gcBefore = GC.GetTotalPauseDuration();
                    var clock = Stopwatch.StartNew();
                    variants[v].Run();
                    times[v].Add(clock.Elapsed.TotalMilliseconds);
                    gc[v].Add((GC.GetTotalPauseDuration() - gcBefore).TotalMilliseconds);
                    process.Refresh();
                    cpu[v].Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }
            double Median(List<double> t) => t.Order().ElementAt(t.Count / 2);
            double[] medians = times.Select(Median).ToArray();
            Console.WriteLine($"medians of {rounds} rounds, {Environment.ProcessorCount} cores, load average at the end: {LoadAverage()}");
            for (int v = 0; v < variants.Length; v++)
                Console.WriteLine($"{variants[v].Name,-40} {medians[v],9:F1} ms   (min {times[v].Min(),7:F1}, max {times[v].Max(),7:F1})   CPU {Median(cpu[v]),7:F1} ms   GC pauses {Median(gc[v]),6:F1} ms");
            // Speed-up of b over a, the median over rounds of the ratio of their times in the same round: machine load that
            // comes and goes between rounds cancels out, where a ratio of two medians could pair a quiet round with a busy one.
            string Speedup(int a, int b) => $"{Median(Enumerable.Range(0, rounds).Select(r => times[a][r] / times[b][r]).ToList()):F2}× (of medians {medians[a] / medians[b]:F2}×)";
            Console.WriteLine($"loading alone: workers: 2 is {Speedup(0, 1)} workers: 0 (goal ≥ 1.6), {Speedup(3, 1)} TorchSharp num_worker: 2 (goal ≥ 1.15)");
            Console.WriteLine($"the workers' own cost: workers: 1 takes {Median(cpu[2]) / Median(cpu[0]):F3}× the CPU time of workers: 0, workers: 2 {Median(cpu[1]) / Median(cpu[0]):F3}×");
            Console.WriteLine($"4 ms wait per batch: workers: 2 is {Speedup(6, 5)} TorchSharp num_worker: 2 (goal ≥ 1.35); workers: 0 is {Speedup(6, 4)}");
            Console.WriteLine($"image folder: workers: 2 is {Speedup(7, 9)} the one-thread loop; workers: 0 is {Speedup(7, 8)}");
            return 0;
        }
        finally
        {
            loaders.Cleanup();
            images.Cleanup();
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
