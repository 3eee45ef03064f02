using System.Diagnostics;
using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Logs memory use every few batches (Composer's <c>MemoryMonitor</c>): the process's resident memory and its peak
/// (<c>"memory/process_bytes"</c>, <c>"memory/peak_process_bytes"</c>, which include libtorch's CPU tensors), the managed
/// heap (<c>"memory/managed_bytes"</c>) and the number of live tensors (<c>"memory/live_tensors"</c>: a count that grows
/// from batch to batch is a leak). TorchSharp exposes no CUDA allocator statistics, so device memory is not reported.
/// Costs nothing without loggers.
/// </summary>
public sealed class MemoryMonitor : Callback
{
    /// <summary>Logs after every <paramref name="batchInterval"/> batches.</summary>
    /// <param name="batchInterval">Batches between measurements, ≥ 1. Default 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchInterval"/> is below 1.</exception>
    public MemoryMonitor(int batchInterval = 1)
    {
        BatchInterval = Check.Positive(batchInterval);
    }

    /// <summary>Batches between measurements.</summary>
    public int BatchInterval { get; }

    /// <summary>The last measurement, by metric name (empty before the first).</summary>
    public IReadOnlyDictionary<string, double> Last { get; private set; } = new Dictionary<string, double>();

    /// <inheritdoc />
    public override void BatchEnd(State state, Logger logger)
    {
        if (!logger.IsActive || state.Timestamp.Batch % BatchInterval != 0)
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        var metrics = new Dictionary<string, double>
        {
            ["memory/process_bytes"] = process.WorkingSet64,
            ["memory/peak_process_bytes"] = process.PeakWorkingSet64,
            ["memory/managed_bytes"] = GC.GetTotalMemory(forceFullCollection: false),
            ["memory/live_tensors"] = Tensor.TotalCount,
        };
        Last = metrics;
        logger.LogMetrics(metrics);
    }
}
