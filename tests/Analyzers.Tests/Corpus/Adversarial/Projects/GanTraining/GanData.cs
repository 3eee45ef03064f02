using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanTraining;

public static class GanData
{
    public static InMemoryDataset Gaussian(int rows, int dim, int seed, float shift = 0f)
    {
        var generator = new Generator().manual_seed(seed);
        return new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(rows, dim, generator: generator) + shift,
        });
    }

    /// <summary>The real samples for one epoch, reshuffled from the base seed and the epoch.</summary>
    public static DataLoader RealForEpoch(InMemoryDataset real, int epoch, int baseSeed) =>
        new DataLoader(real, 64, shuffle: true, seed: baseSeed + epoch, disposeDataset: false); // no CMP003: a per-epoch factory, its callers give the epoch (labelled CMP003 in round 15, before the rule knew such factories)
}
