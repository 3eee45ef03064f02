// Scenario: a library's dataset extension methods: ToShuffledLoader(seed) builds a seeded shuffling TorchSharp DataLoader (wrong: a helper's seed parameter is fixed for the loader's life), while LoaderForEpoch(epoch) seeds from its epoch parameter (right)
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DataKit.Extensions;

public static class DatasetLoaderExtensions
{
    /// <summary>
    /// Wraps <paramref name="dataset"/> in a shuffling loader. Pass a seed to make the order reproducible.
    /// </summary>
    public static DataLoader ToShuffledLoader(this torch.utils.data.Dataset dataset, int batchSize, int seed)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize));
        return new DataLoader(dataset, batchSize, shuffle: true, seed: seed); //! CMP003
    }

    /// <summary>
    /// A loader for one epoch: the order is a function of <paramref name="baseSeed"/> and <paramref name="epoch"/>,
    /// so call this once per epoch to get a fresh, reproducible order.
    /// </summary>
    public static DataLoader LoaderForEpoch(this torch.utils.data.Dataset dataset, int batchSize, int epoch, int baseSeed = 0)
    {
        int seed = baseSeed * 10_007 + epoch;
        return new DataLoader(dataset, batchSize, shuffle: true, seed: seed);
    }

    /// <summary>An evaluation loader, in order.</summary>
    public static DataLoader ToEvalLoader(this torch.utils.data.Dataset dataset, int batchSize = 256) =>
        new DataLoader(dataset, batchSize, shuffle: false);
}
