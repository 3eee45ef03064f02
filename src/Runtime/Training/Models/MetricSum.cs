namespace Composer.Training;

/// <summary>A metric summed over some samples: the trainer divides the total sum by the total count.</summary>
/// <param name="Name">The metric's name, such as <c>"accuracy"</c>.</param>
/// <param name="Sum">The sum of the per-sample values.</param>
/// <param name="Count">The number of samples summed.</param>
public readonly record struct MetricSum(string Name, double Sum, long Count);
