using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>
/// Resizes an image with bilinear interpolation (<c>align_corners: false</c>, no antialiasing), to a fixed height
/// and width, or so that its shorter side has a given length and the aspect ratio is kept (torchvision's <c>Resize</c>).
/// </summary>
public sealed class Resize : ITransform
{
    /// <summary>Resizes to <paramref name="height"/> × <paramref name="width"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public Resize(int height, int width)
    {
        Height = Check.Positive(height);
        Width = Check.Positive(width);
    }

    /// <summary>Resizes so that the shorter side is <paramref name="shorterSide"/>, the longer one scaled alike (rounded down, as torchvision does).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shorterSide"/> is not positive.</exception>
    public Resize(int shorterSide) => ShorterSide = Check.Positive(shorterSide);

    /// <summary>The output height, or null when <see cref="ShorterSide"/> decides.</summary>
    public int? Height { get; }
    /// <summary>The output width, or null when <see cref="ShorterSide"/> decides.</summary>
    public int? Width { get; }
    /// <summary>The length of the output's shorter side, or null for a fixed <see cref="Height"/> × <see cref="Width"/>.</summary>
    public int? ShorterSide { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor input, SampleRandom random)
    {
        var (_, h, w) = ImageShape.Of(input, nameof(Resize));
        var (height, width) = (Height, Width) is (int fh, int fw) ? ((long)fh, (long)fw)
            : h <= w ? (ShorterSide!.Value, (long)(ShorterSide!.Value * (double)w / h))
            : ((long)(ShorterSide!.Value * (double)h / w), (long)ShorterSide!.Value);
        if (height == h && width == w) return input;
        using var batch = input.unsqueeze(0);
        using var resized = nn.functional.interpolate(batch, [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
        return resized.squeeze(0);
    }
}
