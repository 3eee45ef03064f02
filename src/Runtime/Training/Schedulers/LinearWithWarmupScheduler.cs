namespace Composer.Training;

/// <summary>
/// Linear warm-up from 0 to <c>alphaI</c> over <c>tWarmup</c>, then linear from <c>alphaI</c> to
/// <c>alphaF</c> until <c>tMax</c> (Composer's LinearWithWarmupScheduler). With the defaults
/// <c>alphaI = alphaF = 1</c> it is a plain warm-up to a constant rate.
/// </summary>
public sealed class LinearWithWarmupScheduler : ComposerScheduler
{
    private readonly Time _tWarmup;
    private readonly Time _tMax;
    private readonly double _alphaI;
    private readonly double _alphaF;

    /// <summary>Warms up over <paramref name="tWarmup"/>, then goes linearly to <paramref name="alphaF"/>.</summary>
    /// <param name="tWarmup">The warm-up length, such as <c>"100ba"</c>; longer than zero.</param>
    /// <param name="alphaI">The multiplier reached at the end of warm-up, ≥ 0.</param>
    /// <param name="alphaF">The multiplier at <paramref name="tMax"/>, ≥ 0.</param>
    /// <param name="tMax">When the linear phase ends; the whole training by default.</param>
    public LinearWithWarmupScheduler(string tWarmup, double alphaI = 1, double alphaF = 1, string tMax = "1dur")
    {
        _tWarmup = Positive(tWarmup, nameof(tWarmup));
        _tMax = Positive(tMax, nameof(tMax));
        _alphaI = NonNegative(alphaI, nameof(alphaI));
        _alphaF = NonNegative(alphaF, nameof(alphaF));
    }

    /// <inheritdoc />
    public override double Multiplier(State state)
    {
        double now = state.Progress;
        double warmup = state.FractionOfMaxDuration(_tWarmup);
        if (now < warmup)
        {
            return _alphaI * now / warmup;
        }

        double end = state.FractionOfMaxDuration(_tMax);
        double fraction = end > warmup ? Math.Min(1, (now - warmup) / (end - warmup)) : 1;
        return _alphaI + (_alphaF - _alphaI) * fraction;
    }
}
