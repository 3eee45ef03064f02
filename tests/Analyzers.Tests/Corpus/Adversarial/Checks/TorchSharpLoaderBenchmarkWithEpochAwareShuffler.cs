// Scenario: a benchmark harness times repeated epochs of TorchSharp's DataLoader given a seeded RandomSampler as its shuffler, calling Epochs.SetEpoch(loader, rep) before each timed epoch; no shuffle/seed pair, and the epoch is set every pass (right)
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Composer.Checks.Benchmarks;

public static class TorchSharpLoaderBenchmark
{
    public static void Main(string[] args)
    {
        int repetitions = args.Length > 0 ? int.Parse(args[0]) : 5;
        const int samples = 30_000;

        using var images = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(samples, 1, 28, 28),
            ["label"] = randint(0, 10, new long[] { samples }, dtype: ScalarType.Int64),
        });
        using var loader = new DataLoader(images, 128, new RandomSampler(images.Count, seed: 42), disposeDataset: false);

        // Warm-up: first epoch pays for allocator growth and JIT.
        foreach (var batch in loader.Take(10)) _ = batch["data"].sum().item<float>();

        var times = new List<TimeSpan>();
        for (int rep = 0; rep < repetitions; rep++)
        {
            Epochs.SetEpoch(loader, rep);
            long seen = 0;
            var watch = Stopwatch.StartNew();
            foreach (var batch in loader) seen += batch["label"].shape[0];
            watch.Stop();
            times.Add(watch.Elapsed);
            Console.WriteLine($"epoch {rep}: {seen} samples, {watch.Elapsed.TotalMilliseconds:F0} ms");
        }

        var sorted = times.OrderBy(t => t).ToList();
        Console.WriteLine($"median {sorted[sorted.Count / 2].TotalMilliseconds:F0} ms, best {sorted[0].TotalMilliseconds:F0} ms");
    }
}
