using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>Reads the batch columns an algorithm was told to use, with an error that names what is missing.</summary>
internal static class Column
{
    public static Tensor Get(Dictionary<string, Tensor> batch, string key, string algorithm) =>
        batch.TryGetValue(key, out var tensor)
            ? tensor
            : throw new InvalidOperationException($"{algorithm} needs the batch column '{key}', but the batch has: {string.Join(", ", batch.Keys)}.");

    /// <summary>The column <paramref name="key"/>, which must be images: N × ... × H × W.</summary>
    public static Tensor Images(Dictionary<string, Tensor> batch, string key, string algorithm)
    {
        var images = Get(batch, key, algorithm);
        return images.dim() >= 3
            ? images
            : throw new InvalidOperationException($"{algorithm} needs images (N × C × H × W) in '{key}', but its shape is [{string.Join(", ", images.shape)}].");
    }
}
