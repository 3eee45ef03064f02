namespace Composer.Data;

/// <summary>
/// Something whose behaviour depends on the training epoch, such as a sampler that reshuffles from
/// <c>(seed, epoch)</c>. Setting the same epoch twice changes nothing.
/// </summary>
public interface IEpochAware
{
    /// <summary>Sets the epoch that the next iteration uses.</summary>
    /// <param name="epoch">The zero-based epoch; must not be negative.</param>
    void SetEpoch(int epoch);
}
