namespace Composer.Training;

/// <summary>
/// Where metrics go (Composer's <c>LoggerDestination</c>): a callback that also receives every metric
/// the trainer and other callbacks log through <see cref="State.Log"/>. Runs on the logging rank only.
/// </summary>
public abstract class LoggerDestination : Callback
{
    /// <summary>Records metrics at the state's current timestamp.</summary>
    /// <param name="metrics">Values by name, such as <c>"loss/train"</c> or <c>"metrics/eval/accuracy"</c>.</param>
    /// <param name="state">The trainer's state.</param>
    public abstract void LogMetrics(IReadOnlyDictionary<string, double> metrics, State state);
}
