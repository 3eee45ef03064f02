// Scenario: a benchmark harness times one epoch per repetition and builds a fresh shuffling EpochDataLoader in each repetition with the seed from its options object, which never changes, so every repetition reads the same order (wrong)
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Benchmarks;

public sealed class LoaderBenchmarkOptions
{
    public int Samples { get; init; } = 50_000;
    public int BatchSize { get; init; } = 256;
    public int Workers { get; init; } = 2;
    public int Repetitions { get; init; } = 5;
    public int Seed { get; init; } = 17;
}

public sealed class EpochThroughputBenchmark : IDisposable
{
    private readonly LoaderBenchmarkOptions _options;
    private readonly InMemoryDataset _data;

    public EpochThroughputBenchmark(LoaderBenchmarkOptions options)
    {
        _options = options;
        _data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(options.Samples, 3, 32, 32),
            ["label"] = randint(0, 10, new long[] { options.Samples }, dtype: ScalarType.Int64),
        });
    }

    /// <summary>Milliseconds per epoch, one entry per repetition.</summary>
    public IReadOnlyList<double> Run()
    {
        var timings = new List<double>();
        for (int rep = 0; rep < _options.Repetitions; rep++)
        {
            // Fresh loader per repetition so no worker state carries over between timings.
            using var loader = new EpochDataLoader(_data, batchSize: _options.BatchSize, shuffle: true,
                seed: _options.Seed, workers: _options.Workers);

            long samples = 0;
            var stopwatch = Stopwatch.StartNew();
            foreach (var batch in loader) //! CMP002
            {
                // Touch the data so the gather is not optimised into nothing.
                samples += batch["label"].shape[0];
            }
            stopwatch.Stop();

            timings.Add(stopwatch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"rep {rep}: {samples} samples in {stopwatch.Elapsed.TotalMilliseconds:F1} ms " +
                              $"({samples / stopwatch.Elapsed.TotalSeconds:F0} samples/s)");
        }
        return timings;
    }

    public void Dispose() => _data.Dispose();

    public static void Main()
    {
        using var bench = new EpochThroughputBenchmark(new LoaderBenchmarkOptions { Samples = 20_000 });
        var timings = bench.Run().OrderBy(t => t).ToList();
        Console.WriteLine($"median epoch: {timings[timings.Count / 2]:F1} ms");
    }
}
