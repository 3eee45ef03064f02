using Composer.Data;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Data;

/// <summary>The image transforms against their definitions.</summary>
public class TransformTests
{
    /// <summary>A 2×5×7 image whose pixels are all different and non-zero.</summary>
    private static Tensor Image() => arange(1, 2 * 5 * 7 + 1, dtype: ScalarType.Float32).reshape(2, 5, 7);

    [Fact]
    public void HorizontalFlipReversesTheColumns()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        var image = Image();
        var flipped = new RandomHorizontalFlip(1).Apply(image, new SampleRandom(0, 0, 0));
        for (int j = 0; j < 7; j++) Assert.True(TestData.Same(flipped[.., .., j], image[.., .., 6 - j]));
        Assert.True(TestData.Same(new RandomHorizontalFlip(0).Apply(image, new SampleRandom(0, 0, 0)), image));
        // p = 0.5 flips as the sample's generator says, so about half the samples.
        int flips = Enumerable.Range(0, 400).Count(i => !TestData.Same(new RandomHorizontalFlip().Apply(image, new SampleRandom(0, 0, i)), image));
        Assert.InRange(flips, 160, 240);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => new SampleRandom(0, 0, i).NextBoolean()),
            Enumerable.Range(0, 50).Select(i => !TestData.Same(new RandomHorizontalFlip().Apply(image, new SampleRandom(0, 0, i)), image)));
    }

    [Fact]
    public void RandomCropPadsWithZerosAndCutsWhereTheGeneratorSays()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        var image = Image();
        for (long i = 0; i < 30; i++)
        {
            var crop = new RandomCrop(4, 6, padding: 2).Apply(image, new SampleRandom(1, 0, i));
            Assert.Equal([2L, 4, 6], crop.shape);
            var draws = new SampleRandom(1, 0, i);
            int top = draws.Next(5 + 4 - 4 + 1), left = draws.Next(7 + 4 - 6 + 1);
            // The definition: the image inside a frame of 2 zero pixels, cut at (top, left).
            var padded = zeros(2, 9, 11);
            padded[.., 2..7, 2..9] = image;
            Assert.True(TestData.Same(crop, padded[.., top..(top + 4), left..(left + 6)]), $"sample {i}: top {top}, left {left}");
        }
        // The whole padded image: a zero frame around the original.
        var whole = new RandomCrop(9, 11, padding: 2).Apply(image, new SampleRandom(0, 0, 0));
        Assert.True(TestData.Same(whole[.., 2..7, 2..9], image));
        Assert.Equal(0f, whole.abs().sum().item<float>() - image.abs().sum().item<float>());
        var error = Assert.Throws<ArgumentException>("input", () => new RandomCrop(8).Apply(image, new SampleRandom(0, 0, 0)));
        Assert.Contains("5×7", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>("padding", () => new RandomCrop(3, padding: -1));
    }

    [Fact]
    public void NormalizeStandardizesEachChannel()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        var image = Image();
        var normalized = new Normalize([1f, 2f], [0.5f, 4f]).Apply(image, new SampleRandom(0, 0, 0));
        Assert.True(normalized[0].allclose((image[0] - 1) / 0.5));
        Assert.True(normalized[1].allclose((image[1] - 2) / 4));
        Assert.Contains("3", Assert.Throws<ArgumentException>("input", () => new Normalize([0f, 0f, 0f], [1f, 1f, 1f]).Apply(image, new SampleRandom(0, 0, 0))).Message);
        Assert.Contains("std[1]", Assert.Throws<ArgumentOutOfRangeException>("std", () => new Normalize([0f, 0f], [1f, 0f])).Message);
        Assert.Throws<ArgumentException>("std", () => new Normalize([0f, 0f], [1f]));
    }

    [Fact]
    public void ResizeToASizeOrTheShorterSide()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        var image = Image();
        Assert.Equal([2L, 10, 14], new Resize(10, 14).Apply(image, new SampleRandom(0, 0, 0)).shape);
        Assert.Equal([2L, 10, 14], new Resize(10).Apply(image, new SampleRandom(0, 0, 0)).shape);
        Assert.Equal([2L, 3, 4], new Resize(3).Apply(image, new SampleRandom(0, 0, 0)).shape); // 7 × 3 / 5 = 4.2, rounded down
        var constant = full(1, 6, 6, 0.25f);
        Assert.True(new Resize(3, 9).Apply(constant, new SampleRandom(0, 0, 0)).allclose(full(1, 3, 9, 0.25f)));
        Assert.True(TestData.Same(new Resize(5, 7).Apply(image, new SampleRandom(0, 0, 0)), image));
        Assert.Throws<ArgumentException>("input", () => new Resize(3).Apply(zeros(5, 5), new SampleRandom(0, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>("height", () => new Resize(0, 3));
    }

    [Fact]
    public void ComposeRunsInOrderOnOneGenerator()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        var image = Image();
        var crop = new RandomCrop(5, 7, padding: 1);
        var flip = new RandomHorizontalFlip();
        for (long i = 0; i < 10; i++)
        {
            var composed = new Compose(crop, flip).Apply(image, new SampleRandom(2, 1, i));
            var random = new SampleRandom(2, 1, i);
            var byHand = flip.Apply(crop.Apply(image, random), random);
            Assert.True(TestData.Same(composed, byHand));
        }
        Assert.Throws<ArgumentNullException>("transforms", () => new Compose(crop, null!));
    }
    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void AFlipProbabilityOutsideZeroToOneIsRefusedNamingTheValue(double probability)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("probability", () => new RandomHorizontalFlip(probability));
        Assert.Contains($"probability must be in [0, 1], but was {probability}", error.Message);
    }

    [Fact]
    public void EveryTransformRefusesANullOrNonImageInputNamingItself()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        var random = new SampleRandom(0, 0, 0);
        ITransform[] transforms = [new Resize(3), new RandomCrop(2), new RandomHorizontalFlip(0), new Normalize([0f], [1f])];
        foreach (var transform in transforms)
        {
            string name = transform.GetType().Name;
            Assert.Throws<ArgumentNullException>("input", () => transform.Apply(null!, random));
            // A grey picture without its channel dimension: refused even when the transform would leave it as it is (p = 0).
            var error = Assert.Throws<ArgumentException>("input", () => transform.Apply(zeros(5, 6), random));
            Assert.Contains($"{name} takes an image tensor of shape channels × height × width, but input has shape [5, 6]", error.Message);
        }
    }

    [Fact]
    public void BadConstructorArgumentsAreRefusedNamingTheParameter()
    {
        Assert.Throws<ArgumentNullException>("transforms", () => new Compose(null!));
        var element = Assert.Throws<ArgumentNullException>("transforms", () => new Compose(new RandomHorizontalFlip(), null!));
        Assert.Contains("transforms[1] is null", element.Message);
        Assert.Throws<ArgumentNullException>("mean", () => new Normalize(null!, [1f]));
        Assert.Throws<ArgumentNullException>("std", () => new Normalize([0f], null!));
        Assert.Contains("mean must hold one value per channel, but is empty", Assert.Throws<ArgumentException>("mean", () => new Normalize([], [])).Message);
        var lengths = Assert.Throws<ArgumentException>("std", () => new Normalize([0f, 0f], [1f]));
        Assert.Contains("as mean does (2), but holds 1", lengths.Message);
    }

    [Fact]
    public void RandomCropRefusesAnImageTooSmallInEitherDimension()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        var image = Image(); // 5×7
        var random = new SampleRandom(0, 0, 0);
        Assert.Contains("5×7", Assert.Throws<ArgumentException>("input", () => new RandomCrop(height: 6, width: 7).Apply(image, random)).Message); // too low, wide enough
        Assert.Contains("5×7", Assert.Throws<ArgumentException>("input", () => new RandomCrop(height: 5, width: 8).Apply(image, random)).Message); // high enough, too narrow
        Assert.Equal([2L, 5, 7], new RandomCrop(height: 5, width: 7).Apply(image, random).shape);
    }

    [Fact]
    public void ResizeChangesEitherSideAloneAndKeepsTheRatioOfATallImage()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        var image = Image(); // 5×7
        var random = new SampleRandom(0, 0, 0);
        Assert.Equal([2L, 5, 14], new Resize(5, 14).Apply(image, random).shape); // the height kept, the width not
        Assert.Equal([2L, 10, 7], new Resize(10, 7).Apply(image, random).shape); // the width kept, the height not
        var tall = image.transpose(1, 2); // 7×5: the width is the shorter side
        Assert.Equal([2L, 4, 3], new Resize(3).Apply(tall, random).shape); // 7 × 3 / 5 = 4.2, rounded down
        Assert.Equal([2L, 14, 10], new Resize(10).Apply(tall, random).shape);
        Assert.Equal([2L, 6, 6], new Resize(6).Apply(zeros(2, 4, 4), random).shape);
    }

    [Fact]
    public void ResizeInterpolatesWithoutAligningCorners()
    {
        using var scope = NewDisposeScope(); // tensors gone when the test ends: MemoryTests counts live ones
        // Output pixel j samples the input at (j + 0.5) × in / out − 0.5, clamped to the image (align_corners: false).
        float[] row = [0f, 1f, 3f];
        var image = tensor(row, [1, 1, 3]);
        var resized = new Resize(1, 6).Apply(image, new SampleRandom(0, 0, 0));
        var expected = Enumerable.Range(0, 6).Select(j =>
        {
            double x = Math.Clamp((j + 0.5) * 3 / 6 - 0.5, 0, 2);
            int left = Math.Min((int)x, 1);
            return (float)(row[left] + (x - left) * (row[left + 1] - row[left]));
        }).ToArray();
        Assert.Equal(expected, resized.data<float>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-6);
    }
}
