using Composer.Data;

namespace KFoldTabular;

public static class EpochHelpers
{
    /// <summary>Starts an epoch: reshuffles every part of the loader and logs its size.</summary>
    public static void BeginEpoch(EpochDataLoader loader, int epoch, TextWriter? log = null)
    {
        loader.SetEpoch(epoch);
        log?.WriteLine($"epoch {epoch}: {loader.Count} batches");
    }
}
