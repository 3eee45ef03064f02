// Scenario: a curriculum swaps loaders with a switch expression (easy → medium → hard); the user sets the epoch of easy and medium but forgot the shuffling hard loader (wrong). CMP002 on the chosen local: it "counts it as set when every arm whose order depends on the epoch is set on the pass" — the hard arm is not.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.CurriculumSwitchMissingArm;

public static class Curriculum
{
    public static void Train(InMemoryDataset easySet, InMemoryDataset mediumSet, InMemoryDataset hardSet, int epochs)
    {
        using var easy = new EpochDataLoader(easySet, batchSize: 64, shuffle: true, seed: 1);
        using var medium = new EpochDataLoader(mediumSet, batchSize: 64, shuffle: true, seed: 1);
        using var hard = new EpochDataLoader(hardSet, batchSize: 64, sampler: new RandomSampler(hardSet.Count, seed: 1));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            easy.SetEpoch(epoch);
            medium.SetEpoch(epoch);
            var loader = epoch switch
            {
                < 5 => easy,
                < 15 => medium,
                _ => hard,
            };
            foreach (var batch in loader) //! CMP002
                _ = batch["data"].mean();
        }
    }
}
