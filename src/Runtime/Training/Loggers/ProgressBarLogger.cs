using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Composer.Training;

/// <summary>
/// A console progress bar per epoch with the running loss, throughput and time left, and a line with
/// the metrics of every evaluation. When output is redirected (CI logs) it writes a plain line every
/// tenth of an epoch instead of redrawing.
/// </summary>
public sealed class ProgressBarLogger : LoggerDestination
{
    private const int Width = 30;
    private readonly TextWriter _output;
    private readonly bool _redraw;
    private readonly Stopwatch _clock = new();
    private long _startBatchInEpoch;
    private long _batchInEpoch; // the last batch's index in the epoch, counted from 1: the epoch's length when the loader does not say
    private long _samplesThisEpoch;
    private long _lastLinePrinted = -1;
    private double _smoothedLoss = double.NaN;

    /// <summary>Writes to <paramref name="output"/> (the console by default).</summary>
    /// <param name="output">Where to write.</param>
    public ProgressBarLogger(TextWriter? output = null)
    {
        _output = output ?? Console.Out;
        _redraw = output is null && !Console.IsOutputRedirected;
    }

    /// <inheritdoc />
    public override void EpochStart(State state, Logger logger)
    {
        _clock.Restart();
        _startBatchInEpoch = state.Timestamp.BatchInEpoch;
        _batchInEpoch = _startBatchInEpoch;
        _samplesThisEpoch = 0;
        _lastLinePrinted = -1;
    }

    /// <inheritdoc />
    public override void BatchEnd(State state, Logger logger)
    {
        _samplesThisEpoch += state.BatchSize;
        _batchInEpoch = state.Timestamp.BatchInEpoch;
        _smoothedLoss = double.IsNaN(_smoothedLoss) ? state.Loss : 0.95 * _smoothedLoss + 0.05 * state.Loss;
        Draw(state, final: false);
    }

    /// <inheritdoc />
    public override void EpochEnd(State state, Logger logger) => Draw(state, final: true);

    /// <inheritdoc />
    public override void FitEnd(State state, Logger logger)
    {
        if (_redraw)
        {
            _output.WriteLine();
        }
    }

    /// <inheritdoc />
    public override void LogMetrics(IReadOnlyDictionary<string, double> metrics, State state)
    {
        var eval = metrics.Where(m => m.Key.StartsWith("metrics/eval/", StringComparison.Ordinal)).ToList();
        if (eval.Count == 0)
        {
            return;
        }

        if (_redraw)
        {
            _output.WriteLine();
        }

        var text = string.Join("  ", eval.Select(m => $"{m.Key["metrics/eval/".Length..]} {m.Value.ToString("F4", CultureInfo.InvariantCulture)}"));
        _output.WriteLine($"eval @ epoch {state.Timestamp.Epoch}, batch {state.Timestamp.Batch}: {text}");
    }

    private void Draw(State state, bool final)
    {
        // At EpochEnd the timestamp has moved on to the next epoch (batch 0 in it): the epoch's batches are the ones counted.
        long done = final ? state.BatchesPerEpoch ?? _batchInEpoch : state.Timestamp.BatchInEpoch;
        long? total = state.BatchesPerEpoch;
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);
        double throughput = _samplesThisEpoch / seconds;
        long batchesRun = done - _startBatchInEpoch;
        string eta = total is { } t && batchesRun > 0
            ? Format(TimeSpan.FromSeconds(seconds / batchesRun * Math.Max(0, t - done)))
            : "?";

        if (!_redraw)
        {
            // One line per tenth of an epoch keeps redirected logs short.
            long tenth = total is { } n && n >= 10 ? done * 10 / n : done;
            if (!final && (tenth == _lastLinePrinted || done == total))
            {
                return;
            }

            _lastLinePrinted = tenth;
        }

        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"epoch {state.Timestamp.Epoch + (final ? 0 : 1)}");
        if (state.MaxDuration.Unit == TimeUnit.Epoch)
        {
            line.Append(CultureInfo.InvariantCulture, $"/{state.MaxDuration.Value}");
        }

        if (total is { } count && count > 0)
        {
            int filled = (int)(Width * Math.Min(1, (double)done / count));
            line.Append(" [").Append('#', filled).Append('.', Width - filled).Append(']');
            line.Append(CultureInfo.InvariantCulture, $" {done}/{count}");
        }
        else
        {
            line.Append(CultureInfo.InvariantCulture, $" {done} batches");
        }

        line.Append(CultureInfo.InvariantCulture, $"  loss {_smoothedLoss:F4}  {throughput:F0} samples/s");
        line.Append(final ? $"  {Format(_clock.Elapsed)}" : $"  ETA {eta}");
        if (_redraw)
        {
            _output.Write("\r" + line.ToString().PadRight(Console.WindowWidth > 1 ? Math.Min(Console.WindowWidth - 1, 120) : 0));
            if (final)
            {
                _output.WriteLine();
            }
        }
        else
        {
            _output.WriteLine(line.ToString());
        }
    }

    /// <summary>m:ss, or h:mm:ss from an hour on with all the hours (a format's "h" drops whole days).</summary>
    private static string Format(TimeSpan span) =>
        span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
