namespace Composer.Training;

/// <summary>Decides whether a periodic action (evaluation, checkpoint) is due at an event.</summary>
internal static class Interval
{
    /// <summary>Parses an interval option that must be longer than zero.</summary>
    public static Time Parse(string? text, string parameterName)
    {
        var time = Time.Parse(text, parameterName);
        return time.Value > 0 ? time : throw new ArgumentException($"{parameterName} must be longer than zero, not '{text}'.", parameterName);
    }

    /// <summary>
    /// Whether <paramref name="interval"/> is crossed at <paramref name="e"/>: epochs at the end of an
    /// epoch, batches, samples and fractions of the duration at the end of a batch.
    /// </summary>
    /// <param name="interval">The interval.</param>
    /// <param name="e">BatchEnd or EpochEnd.</param>
    /// <param name="state">The state after the batch or epoch.</param>
    /// <param name="before">The timestamp before the batch.</param>
    public static bool Reached(Time interval, Event e, State state, Timestamp before)
    {
        var now = state.Timestamp;
        return (interval.Unit, e) switch
        {
            (TimeUnit.Epoch, Event.EpochEnd) => now.Epoch % (long)interval.Value == 0,
            (TimeUnit.Batch, Event.BatchEnd) => now.Batch % (long)interval.Value == 0,
            (TimeUnit.Sample, Event.BatchEnd) => Crossed(before.Sample, now.Sample, interval.Value),
            (TimeUnit.Duration, Event.BatchEnd) => Crossed(state.ProgressAt(before), state.Progress, interval.Value),
            _ => false,
        };
    }

    private static bool Crossed(double before, double now, double step)
    {
        // A small tolerance so that 0.1 + 0.2 counts as having reached 0.3.
        const double tolerance = 1e-9;
        return Math.Floor(now / step + tolerance) > Math.Floor(before / step + tolerance);
    }
}
