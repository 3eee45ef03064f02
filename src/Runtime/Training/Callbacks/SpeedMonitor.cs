using System.Diagnostics;
using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Measures training throughput (Composer's <c>SpeedMonitor</c>): over a sliding window of batches, logs
/// <c>"throughput/batches_per_sec"</c> and <c>"throughput/samples_per_sec"</c> after every batch once the window is full,
/// and the wall-clock time spent training and evaluating, <c>"wall_clock/train"</c>, <c>"wall_clock/val"</c> and
/// <c>"wall_clock/total"</c> (seconds). Evaluation time is not counted as training time.
/// </summary>
/// <remarks>The time totals are saved in checkpoints (<c>callbacks/{index}/SpeedMonitor</c>), so a resumed run's totals continue.</remarks>
public sealed class SpeedMonitor : Callback, IStateful
{
    private readonly Queue<(double Seconds, long Samples)> _window = new();
    private readonly Stopwatch _train = new();
    private readonly Stopwatch _eval = new();
    private double _trainBefore; // seconds of earlier runs, from a checkpoint
    private double _evalBefore;
    private bool _resumeTrainAfterEval;

    /// <summary>Measures throughput over <paramref name="windowSize"/> batches.</summary>
    /// <param name="windowSize">Batches per measurement, ≥ 1. Default 100.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowSize"/> is below 1.</exception>
    public SpeedMonitor(int windowSize = 100)
    {
        WindowSize = Check.Positive(windowSize);
    }

    /// <summary>Batches per measurement.</summary>
    public int WindowSize { get; }

    /// <summary>Batches per second of training over the last window; NaN until a window is full.</summary>
    public double BatchesPerSecond { get; private set; } = double.NaN;

    /// <summary>Samples per second of training over the last window; NaN until a window is full.</summary>
    public double SamplesPerSecond { get; private set; } = double.NaN;

    /// <summary>Seconds spent training, over every run of this training (resumes included).</summary>
    public double TrainSeconds => _trainBefore + _train.Elapsed.TotalSeconds;

    /// <summary>Seconds spent evaluating, over every run of this training.</summary>
    public double EvalSeconds => _evalBefore + _eval.Elapsed.TotalSeconds;

    /// <inheritdoc />
    public override void FitStart(State state, Logger logger)
    {
        _window.Clear();
        _window.Enqueue((TrainSeconds, state.Timestamp.Sample));
        _train.Start();
    }

    /// <inheritdoc />
    public override void BatchEnd(State state, Logger logger)
    {
        double now = TrainSeconds;
        _window.Enqueue((now, state.Timestamp.Sample));
        if (_window.Count > WindowSize + 1)
        {
            _window.Dequeue();
        }

        bool full = _window.Count == WindowSize + 1;
        if (full)
        {
            var (start, startSamples) = _window.Peek();
            double seconds = Math.Max(now - start, 1e-9);
            BatchesPerSecond = WindowSize / seconds;
            SamplesPerSecond = (state.Timestamp.Sample - startSamples) / seconds;
        }

        if (!logger.IsActive)
        {
            return;
        }

        var metrics = new Dictionary<string, double>
        {
            ["wall_clock/train"] = now,
            ["wall_clock/val"] = EvalSeconds,
            ["wall_clock/total"] = now + EvalSeconds,
        };
        if (full)
        {
            metrics["throughput/batches_per_sec"] = BatchesPerSecond;
            metrics["throughput/samples_per_sec"] = SamplesPerSecond;
        }

        logger.LogMetrics(metrics);
    }

    /// <inheritdoc />
    public override void EvalStart(State state, Logger logger)
    {
        _resumeTrainAfterEval = _train.IsRunning;
        _train.Stop();
        _eval.Start();
    }

    /// <inheritdoc />
    public override void EvalEnd(State state, Logger logger)
    {
        _eval.Stop();
        if (_resumeTrainAfterEval)
        {
            _train.Start();
        }
    }

    /// <inheritdoc />
    public override void FitEnd(State state, Logger logger) => _train.Stop();

    /// <inheritdoc />
    public Dictionary<string, Tensor> StateDict() => new()
    {
        ["train_seconds"] = tensor(TrainSeconds, ScalarType.Float64),
        ["eval_seconds"] = tensor(EvalSeconds, ScalarType.Float64),
    };

    /// <inheritdoc />
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        Check.NotNull(state);
        _trainBefore = state["train_seconds"].item<double>();
        _evalBefore = state["eval_seconds"].item<double>();
        _train.Reset();
        _eval.Reset();
    }
}
