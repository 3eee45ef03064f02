namespace Composer.Training;

/// <summary>
/// Cosine decay from the initial rate to <c>alphaF</c> times it over <c>tMax</c>, then constant
/// (Composer's CosineAnnealingScheduler).
/// </summary>
public sealed class CosineAnnealingScheduler : ComposerScheduler
{
    private readonly Time _tMax;
    private readonly double _alphaF;

    /// <summary>Decays over <paramref name="tMax"/> to <paramref name="alphaF"/>.</summary>
    /// <param name="tMax">The length of the decay; the whole training by default.</param>
    /// <param name="alphaF">The final multiplier, ≥ 0.</param>
    public CosineAnnealingScheduler(string tMax = "1dur", double alphaF = 0)
    {
        _tMax = Positive(tMax, nameof(tMax));
        _alphaF = NonNegative(alphaF, nameof(alphaF));
    }

    /// <inheritdoc />
    public override double Multiplier(State state)
    {
        double fraction = Math.Min(1, state.Progress / state.FractionOfMaxDuration(_tMax));
        return Cosine(fraction, 1, _alphaF);
    }

    /// <summary>Half a cosine from <paramref name="from"/> (fraction 0) to <paramref name="to"/> (fraction 1).</summary>
    internal static double Cosine(double fraction, double from, double to) =>
        to + (from - to) * 0.5 * (1 + Math.Cos(Math.PI * fraction));
}
