using SkiaSharp;
using static TorchSharp.torch;

namespace FashionMnist;

/// <summary>Writes Fashion-MNIST as an image folder, <c>split/class/index.png</c>, for <c>--image-folder</c>.</summary>
internal static class ImageExport
{
    // Index-prefixed, so that ImageFolder's ordinal sort of the folder names gives Fashion-MNIST's labels.
    private static readonly string[] ClassNames =
        ["0-T-shirt", "1-Trouser", "2-Pullover", "3-Dress", "4-Coat", "5-Sandal", "6-Shirt", "7-Sneaker", "8-Bag", "9-Ankle-boot"];

    /// <summary>Writes <paramref name="images"/> to <paramref name="folder"/> as grey PNGs, one subfolder per class.</summary>
    public static void Write(Composer.Data.FashionMnist images, string folder)
    {
        foreach (string name in ClassNames) Directory.CreateDirectory(Path.Combine(folder, name));
        using var bytes = images.Columns["data"].mul(255).round_().to_type(ScalarType.Byte);
        byte[] pixels = bytes.data<byte>().ToArray();
        long[] labels = images.Columns["label"].data<long>().ToArray();
        int size = (int)(bytes.shape[2] * bytes.shape[3]);
        var info = new SKImageInfo((int)bytes.shape[3], (int)bytes.shape[2], SKColorType.Gray8, SKAlphaType.Opaque);
        Parallel.For(0, labels.Length, i =>
        {
            using var bitmap = new SKBitmap(info);
            System.Runtime.InteropServices.Marshal.Copy(pixels, i * size, bitmap.GetPixels(), size);
            using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(Path.Combine(folder, ClassNames[labels[i]], $"{i:D5}.png"), png.ToArray());
        });
    }
}
