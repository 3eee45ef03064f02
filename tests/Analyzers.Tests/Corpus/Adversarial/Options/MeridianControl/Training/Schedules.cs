using Composer.Data;
using Meridian.Control.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Meridian.Control.Training;

public static class Schedules
{
    public static void Warmstart(InMemoryDataset table, int epochs, Action<Dictionary<string, Tensor>> step)
    {
        var train = new EpochDataLoader(table, batchSize: 128, sampler: new DistributedSampler(table.Count, seed: 9));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // LoaderOps.SetEpoch is a static helper of ours: without epoch_setters it is not read as a setter,
            // so its constant is not judged; handing it the loader counts as setting its epoch.
            LoaderOps.SetEpoch(train, 0);
            foreach (var batch in train) step(batch);
        }
    }

    public static void Blocks(InMemoryDataset table, int epochs, Action<Dictionary<string, Tensor>> step)
    {
        var feeder = new BlockFeeder(table, new BlockOrder(table.Count, seed: 12), 64);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in feeder)
            {
                LoaderOps.Reshuffle(feeder, epoch);
                step(batch);
            }
        }
    }

    public static void Reference(InMemoryDataset table, int epochs, Action<Dictionary<string, Tensor>> step)
    {
        var train = new EpochDataLoader(table, batchSize: 128, shuffle: true, seed: 3);
        var eval = new EpochDataLoader(table, batchSize: 512);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train) step(batch);
            foreach (var batch in eval) step(batch);
        }
    }
}
