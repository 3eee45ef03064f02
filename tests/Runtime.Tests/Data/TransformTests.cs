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
}
