using Composer.Data;
using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>Starts an epoch's batches after the ones a resumed run has already trained on.</summary>
internal static class ResumableLoader
{
    /// <summary>
    /// An enumerator over <paramref name="loader"/>'s batches of this epoch, past the first
    /// <paramref name="consumed"/>. An <see cref="EpochDataLoader"/> skips them without loading their
    /// data; any other loader is enumerated past them.
    /// </summary>
    public static IEnumerator<Dictionary<string, Tensor>> Skip(IEnumerable<Dictionary<string, Tensor>> loader, long consumed)
    {
        if (consumed > 0 && loader is EpochDataLoader epochLoader)
        {
            return epochLoader.IterateFrom(consumed).GetEnumerator();
        }

        var batches = loader.GetEnumerator();
        for (long i = 0; i < consumed && batches.MoveNext(); i++)
        {
        }

        return batches;
    }
}
