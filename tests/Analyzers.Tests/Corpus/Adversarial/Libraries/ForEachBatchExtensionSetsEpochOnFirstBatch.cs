// Scenario: a library's ForEachBatch extension on EpochDataLoader sets the epoch when it sees batch 0, inside the iteration, so each epoch runs with the previous epoch's order (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace LoopKit;

public static class EpochDataLoaderExtensions
{
    /// <summary>
    /// Runs <paramref name="step"/> on every batch of <paramref name="loader"/> for the given epoch and returns
    /// how many batches ran. The loader is reshuffled for <paramref name="epoch"/> automatically.
    /// </summary>
    /// <param name="loader">The training loader.</param>
    /// <param name="epoch">The zero-based epoch.</param>
    /// <param name="step">Called with the batch and its index in the epoch.</param>
    public static long ForEachBatch(this EpochDataLoader loader, int epoch, Action<Dictionary<string, Tensor>, long> step)
    {
        ArgumentNullException.ThrowIfNull(loader);
        long count = 0;
        foreach (var (batch, index) in loader.Select((b, i) => (b, (long)i)))
        {
            if (index == 0)
                loader.SetEpoch(epoch); //! CMP005

            step(batch, index);
            count++;
        }
        return count;
    }

    /// <summary>Mean of <paramref name="metric"/> over the loader, without gradients.</summary>
    public static double MeanOf(this EpochDataLoader loader, Func<Dictionary<string, Tensor>, Tensor> metric)
    {
        double sum = 0;
        long n = 0;
        using (no_grad())
        {
            foreach (var batch in loader)
            {
                sum += metric(batch).item<float>();
                n++;
            }
        }
        return n == 0 ? double.NaN : sum / n;
    }
}
