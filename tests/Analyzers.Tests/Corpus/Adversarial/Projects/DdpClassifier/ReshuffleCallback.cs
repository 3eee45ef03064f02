using Composer.Data;

namespace DdpClassifier;

/// <summary>
/// Ported from the Composer trainer: tells the train loader's sampler which epoch starts so that
/// every rank draws a fresh permutation.
/// </summary>
public sealed class ReshuffleCallback(EpochDataLoader trainLoader)
{
    public int LastEpoch { get; private set; } = -1;

    public void OnEpochStart(int epoch)
    {
        LastEpoch = epoch;
        if (trainLoader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001 primary-ctor parameter loader, sampler only
    }

    public void OnEpochEnd(int epoch) => Console.WriteLine($"[reshuffle] epoch {epoch} done");
}
