// Scenario: curriculum learning — warm-up epochs read an easy set in its sorted order (no shuffle), later epochs a shuffling hard loader whose epoch is set on every pass; the loader is picked with `?:` (fine). CMP002 not flagged: a chosen local "counts … as set when every arm whose order depends on the epoch is set on the pass" (only `hard` depends on the epoch).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.CurriculumOrderedWarmup;

public static class CurriculumTrainer
{
    public static void Train(InMemoryDataset easySorted, InMemoryDataset hardSet, int warmupEpochs, int epochs)
    {
        using var easy = new EpochDataLoader(easySorted, batchSize: 64);
        using var hard = new EpochDataLoader(hardSet, batchSize: 64, shuffle: true, seed: 8);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hard.SetEpoch(epoch);
            var loader = epoch < warmupEpochs ? easy : hard;
            foreach (var batch in loader)
                _ = batch["data"].mean();
        }
    }
}
