namespace Composer.Training;

/// <summary>Whether lower or higher values of a monitored metric are better.</summary>
public enum MonitorMode
{
    /// <summary>Lower for names that contain "loss" or "error", higher otherwise.</summary>
    Auto,

    /// <summary>Lower is better (losses, errors).</summary>
    Min,

    /// <summary>Higher is better (accuracy).</summary>
    Max,
}
