using Cobalt.Speech.Data;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Cobalt.Speech.Training;

public sealed class Recipes(IEpochHooks hooks)
{
    public void Tracked(InMemoryDataset data, int epochs, Action<Dictionary<string, Tensor>> step)
    {
        var bucketed = new BucketedLoader(data, new RandomSampler(data.Count, seed: 13), 16_000);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hooks.OnEpochBegin(bucketed, epoch); // the tracker's hook sets the loader's epoch
            foreach (var batch in bucketed) step(batch);
        }
    }

    public void Utterances(InMemoryDataset data, int epochs, Action<Dictionary<string, Tensor>> step)
    {
        // The loader reshuffles from its own seed; nothing in its creation is epoch-aware.
        var utterances = new UtteranceLoader(data, 16, shuffle: true, seed: 7);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in utterances) step(batch);
        }
    }

    public void Plain(InMemoryDataset data, InMemoryDataset dev, int epochs, Action<Dictionary<string, Tensor>> step)
    {
        var bucketed = new BucketedLoader(data, new DistributedSampler(data.Count, seed: 17), 16_000);
        var devLoader = new BucketedLoader(dev, new SequentialSampler(dev.Count), 32_000);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(bucketed, epoch);
            foreach (var batch in bucketed) step(batch);
            foreach (var batch in devLoader) step(batch);
        }
    }
}
