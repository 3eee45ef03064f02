using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharpTabular;

public static class TabularData
{
    /// <summary>A synthetic regression table: <paramref name="features"/> columns, a noisy linear target.</summary>
    public static InMemoryDataset Synthetic(int rows, int features, int seed)
    {
        var generator = new Generator().manual_seed(seed);
        var x = randn(rows, features, generator: generator);
        var w = randn(features, 1, generator: generator);
        var y = x.matmul(w) + 0.1 * randn(rows, 1, generator: generator);
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y });
    }
}

/// <summary>Loader factories, one per split (PyTorch's <c>DataLoader(..., shuffle=True, generator=g)</c> ported as is).</summary>
public static class LoaderFactory
{
    public static DataLoader MakeTrain(InMemoryDataset data, int batchSize, int seed) =>
        new DataLoader(data, batchSize, shuffle: true, seed: seed, disposeDataset: false); //! CMP003 helper: seed parameter, outside any loop

    public static DataLoader MakeEpochAware(InMemoryDataset data, int batchSize, int seed) =>
        new DataLoader(data, batchSize, new RandomSampler(data.Count, seed: seed), disposeDataset: false);

    public static DataLoader MakeEval(InMemoryDataset data) =>
        new DataLoader(data, 512, shuffle: false, disposeDataset: false);
}
