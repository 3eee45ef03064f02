// Scenario: semi-supervised training zips a large unlabelled loader with a small labelled one cycled by an itertools.cycle-like iterator that sets the labelled loader's epoch before every pass of its own loop; the unlabelled loader is set each epoch: correct.
using Composer.Data;
using static TorchSharp.torch;

namespace Wrappers.CycleLoader;

public static class SemiSupervised
{
    // Restarts the loader when it runs out, reshuffling it with a new epoch number each time round.
    private static IEnumerable<Dictionary<string, Tensor>> Cycle(EpochDataLoader loader, int firstPass)
    {
        for (int pass = firstPass; ; pass++)
        {
            loader.SetEpoch(pass);
            foreach (var batch in loader) yield return batch;
        }
    }

    public static void Train(InMemoryDataset labelledSet, InMemoryDataset unlabelledSet, Action<Dictionary<string, Tensor>, Dictionary<string, Tensor>> step, int epochs)
    {
        using var labelled = new EpochDataLoader(labelledSet, batchSize: 16, shuffle: true, seed: 3);
        using var unlabelled = new EpochDataLoader(unlabelledSet, batchSize: 112, shuffle: true, seed: 4, dropLast: true);
        long passesPerEpoch = Math.Max(1, (unlabelled.Count + labelled.Count - 1) / Math.Max(1, labelled.Count));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            unlabelled.SetEpoch(epoch);
            foreach (var (u, x) in unlabelled.Zip(Cycle(labelled, checked((int)(epoch * passesPerEpoch)))))
            {
                step(x, u);
            }
        }
    }
}
