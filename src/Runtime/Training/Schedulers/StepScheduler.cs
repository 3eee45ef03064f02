namespace Composer.Training;

/// <summary>Multiplies the learning rate by <c>gamma</c> every <c>stepSize</c> (PyTorch's StepLR in time units).</summary>
public sealed class StepScheduler : ComposerScheduler
{
    private readonly Time stepSize;
    private readonly double gamma;

    /// <summary>Decays by <paramref name="gamma"/> every <paramref name="stepSize"/>.</summary>
    /// <param name="stepSize">The interval, such as <c>"10ep"</c> or <c>"0.25dur"</c>; longer than zero.</param>
    /// <param name="gamma">The factor per interval, ≥ 0.</param>
    public StepScheduler(string stepSize, double gamma = 0.1)
    {
        this.stepSize = Positive(stepSize, nameof(stepSize));
        this.gamma = NonNegative(gamma, nameof(gamma));
    }

    /// <inheritdoc />
    public override double Multiplier(State state)
    {
        // Whole epochs/batches/samples count, as in StepLR; Duration counts the fraction done.
        double elapsed = stepSize.Unit == TimeUnit.Duration ? state.Progress : state.Timestamp.Get(stepSize.Unit);
        return Math.Pow(gamma, Math.Floor(elapsed / stepSize.Value));
    }
}
