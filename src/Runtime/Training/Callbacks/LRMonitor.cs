namespace Composer.Training;

/// <summary>
/// Logs the learning rate of every parameter group after every batch (Composer's <c>LRMonitor</c>): <c>"lr"</c> for a
/// single group, <c>"lr/group{i}"</c> for several. Costs nothing without loggers.
/// </summary>
public sealed class LRMonitor : Callback
{
    private string[] _names = [];

    /// <inheritdoc />
    public override void BatchEnd(State state, Logger logger)
    {
        if (!logger.IsActive)
        {
            return;
        }

        var groups = state.Optimizer.ParamGroups.ToList();
        if (_names.Length != groups.Count)
        {
            _names = groups.Count == 1 ? ["lr"] : Enumerable.Range(0, groups.Count).Select(i => $"lr/group{i}").ToArray();
        }

        var metrics = new Dictionary<string, double>(groups.Count);
        for (int i = 0; i < groups.Count; i++)
        {
            metrics[_names[i]] = groups[i].LearningRate;
        }

        logger.LogMetrics(metrics);
    }
}
