using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Composer.Data;

namespace Composer.Benchmarks;

/// <summary>
/// Per-sample loading with worker threads: one shuffled epoch, batch 64, over a data set that decodes every sample
/// (<see cref="DecodingDataset"/>, about 30 µs a sample). Goals on 2 cores: <c>workers: 2</c> loading alone ≥ 1.6× the same
/// loader without workers and ≥ 1.15× TorchSharp's <c>DataLoader(num_worker: 2)</c>; with a 4 ms GPU-like wait per
/// batch (the host thread sleeps, as while a GPU step runs) ≥ 1.35× TorchSharp's. Each category has its own baseline;
/// the other goal of "loading alone" is the ratio of two means. <see cref="LoaderWorkersHarness"/> measures all of them
/// interleaved, which a shared machine needs.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory), CategoriesColumn]
public class WorkerLoaderBenchmarks
{
    private const int BatchSize = 64, Batches = 60, WaitBatches = 30, GpuMilliseconds = 4;
    private const string Alone = "loading alone", Waiting = "4 ms wait per batch";
    private DecodingDataset _epoch = null!, _short = null!;
    private int _seed;

    [GlobalSetup]
    public void Setup()
    {
        _epoch = new DecodingDataset(BatchSize * Batches);
        _short = new DecodingDataset(BatchSize * WaitBatches, seed: 1);
        Console.WriteLine($"// DecodingDataset: {_epoch.MeasureMicrosecondsPerSample():F1} µs per sample on one thread; {Environment.ProcessorCount} cores");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _epoch.Dispose();
        _short.Dispose();
    }

    private double Ours(DecodingDataset data, int workers, bool wait)
    {
        using var loader = new EpochDataLoader(data, batchSize: BatchSize, shuffle: true, workers: workers);
        loader.SetEpoch(_seed++);
        double checksum = 0;
        foreach (var batch in loader)
        {
            checksum += batch["data"].shape[0];
            if (wait) Thread.Sleep(GpuMilliseconds);
        }
        return checksum;
    }

    private double TorchSharps(DecodingDataset data, bool wait)
    {
        using var loader = new TorchSharp.Modules.DataLoader(data, BatchSize, shuffle: true, seed: _seed++, num_worker: 2, disposeDataset: false);
        double checksum = 0;
        foreach (var batch in loader)
        {
            checksum += batch["data"].shape[0];
            if (wait) Thread.Sleep(GpuMilliseconds);
        }
        return checksum;
    }

    [BenchmarkCategory(Alone), Benchmark(Baseline = true, Description = "EpochDataLoader, workers: 0")]
    public double AloneWithoutWorkers() => Ours(_epoch, workers: 0, wait: false);

    [BenchmarkCategory(Alone), Benchmark(Description = "EpochDataLoader, workers: 2")]
    public double AloneWithTwoWorkers() => Ours(_epoch, workers: 2, wait: false);

    /// <summary>One worker: the workers' own cost (hand-offs, dispose scopes) without a second core's help.</summary>
    public double AloneWithOneWorker() => Ours(_epoch, workers: 1, wait: false);

    [BenchmarkCategory(Alone), Benchmark(Description = "TorchSharp DataLoader, num_worker: 2")]
    public double AloneTorchSharp() => TorchSharps(_epoch, wait: false);

    [BenchmarkCategory(Waiting), Benchmark(Baseline = true, Description = "TorchSharp DataLoader, num_worker: 2")]
    public double WaitingTorchSharp() => TorchSharps(_short, wait: true);

    [BenchmarkCategory(Waiting), Benchmark(Description = "EpochDataLoader, workers: 2")]
    public double WaitingWithTwoWorkers() => Ours(_short, workers: 2, wait: true);

    [BenchmarkCategory(Waiting), Benchmark(Description = "EpochDataLoader, workers: 0")]
    public double WaitingWithoutWorkers() => Ours(_short, workers: 0, wait: true);
}
