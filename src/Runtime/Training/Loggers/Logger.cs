namespace Composer.Training;

/// <summary>
/// What algorithms and callbacks log through (Composer's <c>Logger</c>): it hands metrics to every
/// <see cref="LoggerDestination"/> of the trainer, on the logging rank only, at the state's current timestamp.
/// </summary>
public sealed class Logger
{
    private readonly State _state;

    internal Logger(State state, IReadOnlyList<LoggerDestination> destinations)
    {
        _state = state;
        Destinations = destinations;
    }

    /// <summary>The trainer's logger destinations, in order.</summary>
    public IReadOnlyList<LoggerDestination> Destinations { get; }

    /// <summary>
    /// Whether metrics logged here go anywhere: false without destinations and on ranks other than 0. Check it
    /// before computing a metric that costs something (reading a value back from the device, building a dictionary).
    /// </summary>
    public bool IsActive => Destinations.Count > 0 && State.IsLoggingRank;

    /// <summary>Sends metrics to every destination (on the logging rank only).</summary>
    /// <param name="metrics">Values by name, such as <c>"loss/train"</c>.</param>
    public void LogMetrics(IReadOnlyDictionary<string, double> metrics)
    {
        Check.NotNull(metrics);
        if (!State.IsLoggingRank)
        {
            return;
        }

        foreach (var destination in Destinations)
        {
            destination.LogMetrics(metrics, _state);
        }
    }
}
