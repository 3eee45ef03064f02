using Composer.Data;

namespace MetricPk;

/// <summary>Epoch hooks registered by the training script.</summary>
public sealed class PkEpochCallback(PkLoader loader, TextWriter? log = null)
{
    public void OnEpochStart(int epoch)
    {
        (loader.sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001 ported loader with a batch_sampler member; sampler only
        log?.WriteLine($"epoch {epoch} starts");
    }
}

/// <summary>Stops when the loss has not improved for <paramref name="patience"/> epochs.</summary>
public sealed class PlateauStopper(int patience = 3)
{
    private double _best = double.PositiveInfinity;
    private int _bad;

    public bool ShouldStop(double loss)
    {
        if (loss < _best - 1e-4) { _best = loss; _bad = 0; }
        else _bad++;
        return _bad >= patience;
    }
}
