namespace Composer.Training;

/// <summary>Multiplies the learning rate by <c>gamma</c> every <c>stepSize</c> (PyTorch's StepLR in time units).</summary>
public sealed class StepScheduler : ComposerScheduler
{
    private readonly Time _stepSize;
    private readonly double _gamma;

    /// <summary>Decays by <paramref name="gamma"/> every <paramref name="stepSize"/>.</summary>
    /// <param name="stepSize">The interval, such as <c>"10ep"</c> or <c>"0.25dur"</c>; longer than zero.</param>
    /// <param name="gamma">The factor per interval, ≥ 0.</param>
    public StepScheduler(string stepSize, double gamma = 0.1)
    {
        _stepSize = Positive(stepSize, nameof(stepSize));
        _gamma = NonNegative(gamma, nameof(gamma));
    }

    /// <inheritdoc />
    public override double Multiplier(State state)
    {
        // Whole epochs/batches/samples count, as in StepLR; Duration counts the fraction done.
        double elapsed = _stepSize.Unit == TimeUnit.Duration ? state.Progress : state.Timestamp.Get(_stepSize.Unit);
        return Math.Pow(_gamma, Math.Floor(elapsed / _stepSize.Value));
    }
}
