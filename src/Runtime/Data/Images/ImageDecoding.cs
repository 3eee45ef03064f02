using SkiaSharp;
using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>Decodes JPEG and PNG files with Skia into C×H×W float tensors in [0, 1].</summary>
internal static class ImageDecoding
{
    /// <summary>Decodes <paramref name="path"/> to 3 channels (RGB, alpha dropped) or 1 (luma, ITU-R 601 as PIL's <c>convert("L")</c>).</summary>
    /// <exception cref="InvalidDataException">The file is not an image Skia decodes, or is truncated or corrupt; the message names the file.</exception>
    public static Tensor Decode(string path, int channels)
    {
        using var file = File.OpenRead(path);
        using var codec = SKCodec.Create(file, out var created)
            ?? throw new InvalidDataException($"'{path}' is not an image that can be decoded (JPEG or PNG expected; Skia: {created}).");
        // Unpremultiplied 8-bit RGBA with no colour space: the stored values, no colour management.
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        var result = codec.GetPixels(info, rgba);
        if (result != SKCodecResult.Success)
            throw new InvalidDataException($"'{path}' could not be decoded: {result} (a truncated or corrupt {codec.EncodedFormat} file).");

        int pixels = info.Width * info.Height;
        var values = new float[channels * pixels];
        if (channels == 3)
        {
            for (int p = 0; p < pixels; p++)
            {
                values[p] = rgba[4 * p] / 255f;
                values[pixels + p] = rgba[4 * p + 1] / 255f;
                values[2 * pixels + p] = rgba[4 * p + 2] / 255f;
            }
        }
        else
        {
            for (int p = 0; p < pixels; p++)
                values[p] = (rgba[4 * p] * 299 + rgba[4 * p + 1] * 587 + rgba[4 * p + 2] * 114 + 500) / 1000 / 255f;
        }
        return tensor(values, [channels, info.Height, info.Width]);
    }
}
