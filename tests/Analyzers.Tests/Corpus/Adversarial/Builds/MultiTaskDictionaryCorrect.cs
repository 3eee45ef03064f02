// Scenario: multi-task training over a Dictionary<string, EpochDataLoader>; inside the epoch loop, a loop over the tasks copies `kv.Value` into a local, sets its epoch to the outer `epoch` and iterates it (fine). Not CMP004: "A loop over loaders that sets and iterates each one (… `kv.Value` …): it picks its loader on each pass, so it is not an epoch loop; the loop around it is, and there `epoch` changes".
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.MultiTaskDictionaryCorrect;

public static class MultiTask
{
    public static void Train(InMemoryDataset cls, InMemoryDataset seg, InMemoryDataset depth, int epochs)
    {
        var tasks = new Dictionary<string, EpochDataLoader>
        {
            ["classification"] = new EpochDataLoader(cls, batchSize: 64, shuffle: true, seed: 1),
            ["segmentation"] = new EpochDataLoader(seg, batchSize: 8, shuffle: true, seed: 2),
            ["depth"] = new EpochDataLoader(depth, batchSize: 8, sampler: new RandomSampler(depth.Count, seed: 3)),
        };

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var kv in tasks)
            {
                var loader = kv.Value;
                loader.SetEpoch(epoch);
                foreach (var batch in loader)
                    _ = batch["data"].sum();
                Console.WriteLine($"{kv.Key}: epoch {epoch} done");
            }
        }

        foreach (var loader in tasks.Values)
            loader.Dispose();
    }
}
