using Composer.Training;

namespace Composer.Runtime.Tests.Training;

/// <summary>Keeps every set of metrics logged, with the batch count it was logged at.</summary>
internal sealed class RecordingLogger : LoggerDestination
{
    public List<(long Batch, IReadOnlyDictionary<string, double> Metrics)> Logged { get; } = [];

    public override void LogMetrics(IReadOnlyDictionary<string, double> metrics, State state) =>
        Logged.Add((state.Timestamp.Batch, new Dictionary<string, double>(metrics)));

    public IEnumerable<(long Batch, double Value)> Values(string name) =>
        Logged.Where(l => l.Metrics.ContainsKey(name)).Select(l => (l.Batch, l.Metrics[name]));
}
