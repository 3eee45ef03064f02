namespace Composer.Training;

/// <summary>
/// Linear warm-up from 0 to the initial rate over <c>tWarmup</c>, then cosine decay to <c>alphaF</c>
/// times it at <c>tMax</c> (Composer's CosineAnnealingWithWarmupScheduler).
/// </summary>
public sealed class CosineAnnealingWithWarmupScheduler : ComposerScheduler
{
    private readonly Time _tWarmup;
    private readonly Time _tMax;
    private readonly double _alphaF;

    /// <summary>Warms up over <paramref name="tWarmup"/>, then decays to <paramref name="alphaF"/> by <paramref name="tMax"/>.</summary>
    /// <param name="tWarmup">The warm-up length; longer than zero.</param>
    /// <param name="tMax">When the decay ends; the whole training by default.</param>
    /// <param name="alphaF">The final multiplier, ≥ 0.</param>
    public CosineAnnealingWithWarmupScheduler(string tWarmup, string tMax = "1dur", double alphaF = 0)
    {
        _tWarmup = Positive(tWarmup, nameof(tWarmup));
        _tMax = Positive(tMax, nameof(tMax));
        _alphaF = NonNegative(alphaF, nameof(alphaF));
    }

    /// <inheritdoc />
    public override double Multiplier(State state)
    {
        double now = state.Progress;
        double warmup = state.FractionOfMaxDuration(_tWarmup);
        if (now < warmup)
        {
            return now / warmup;
        }

        double end = state.FractionOfMaxDuration(_tMax);
        double fraction = end > warmup ? Math.Min(1, (now - warmup) / (end - warmup)) : 1;
        return CosineAnnealingScheduler.Cosine(fraction, 1, _alphaF);
    }
}
