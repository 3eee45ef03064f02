using System.Collections;
using System.Reflection;

namespace Composer.Training;

/// <summary>How many batches a loader yields per epoch, when it says so.</summary>
internal static class LoaderLength
{
    /// <summary>
    /// The loader's <c>Count</c>: an <see cref="ICollection"/>'s, or a public <c>Count</c> property of an
    /// integer type (EpochDataLoader, TorchSharp's DataLoader, user loaders); null otherwise.
    /// </summary>
    public static long? Batches(object loader)
    {
        if (loader is ICollection collection)
        {
            return collection.Count;
        }

        var property = loader.GetType().GetProperty("Count", BindingFlags.Public | BindingFlags.Instance);
        return property?.GetValue(loader) switch
        {
            long count => count,
            int count => count,
            _ => null,
        };
    }
}
