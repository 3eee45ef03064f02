using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>
/// Pads an image with zeros on every side, then cuts a crop of a fixed size at a uniformly random position
/// (torchvision's <c>RandomCrop(size, padding)</c>): top, then left, drawn from the sample's generator.
/// </summary>
public sealed class RandomCrop : ITransform
{
    /// <summary>Crops <paramref name="height"/> × <paramref name="width"/> after padding by <paramref name="padding"/> pixels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or <paramref name="padding"/> is negative.</exception>
    public RandomCrop(int height, int width, int padding = 0)
    {
        Height = Check.Positive(height);
        Width = Check.Positive(width);
        Padding = (int)Check.NotNegative(padding);
    }

    /// <summary>Crops a <paramref name="size"/> × <paramref name="size"/> square after padding by <paramref name="padding"/> pixels.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not positive, or <paramref name="padding"/> is negative.</exception>
    public RandomCrop(int size, int padding = 0) : this(size, size, padding) { }

    /// <summary>The crop's height.</summary>
    public int Height { get; }
    /// <summary>The crop's width.</summary>
    public int Width { get; }
    /// <summary>Zero pixels added on each of the four sides before cropping.</summary>
    public int Padding { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The padded image is smaller than the crop.</exception>
    public Tensor Apply(Tensor input, SampleRandom random)
    {
        var (_, h, w) = ImageShape.Of(input, nameof(RandomCrop));
        long paddedHeight = h + 2L * Padding, paddedWidth = w + 2L * Padding;
        if (paddedHeight < Height || paddedWidth < Width)
            throw new ArgumentException($"RandomCrop of {Height}×{Width} needs an image at least that large, but input is {h}×{w} (padded by {Padding}: {paddedHeight}×{paddedWidth}).", nameof(input));
        int top = random.Next((int)(paddedHeight - Height + 1));
        int left = random.Next((int)(paddedWidth - Width + 1));
        var padded = Padding == 0 ? input : nn.functional.pad(input, [Padding, Padding, Padding, Padding], TorchSharp.PaddingModes.Constant, 0);
        return padded.narrow(1, top, Height).narrow(2, left, Width);
    }
}
