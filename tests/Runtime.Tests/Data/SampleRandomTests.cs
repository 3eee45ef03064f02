using Composer.Data;

namespace Composer.Runtime.Tests.Data;

public class SampleRandomTests
{
    [Theory] // SplitMix64 over the chained hash of (seed, epoch, index), computed independently (Python, 64-bit masks)
    [InlineData(0, 0, 0L, 0x2ce809ae01cab7d7UL, 0x7924ac0fed68cb52UL, 0xa76cddfb84fbeed0UL)]
    [InlineData(42, 3, 1234L, 0x1e7a45b3ba4d8854UL, 0x17b16faa0e0d9603UL, 0x898b7a906d80a85bUL)]
    [InlineData(-1, 0, 5L, 0xfaba1d4d10022a84UL, 0x5d40cf5b3302de2aUL, 0x99be9aecaee30a63UL)]
    public void TheSequenceIsPinned(int seed, int epoch, long index, ulong first, ulong second, ulong third)
    {
        var random = new SampleRandom(seed, epoch, index);
        Assert.Equal([first, second, third], new[] { random.NextUInt64(), random.NextUInt64(), random.NextUInt64() });
    }

    [Fact]
    public void EachOfSeedEpochAndIndexChangesTheNumbers()
    {
        ulong First(int seed, int epoch, long index) => new SampleRandom(seed, epoch, index).NextUInt64();
        var firsts = new HashSet<ulong>();
        for (int seed = 0; seed < 4; seed++)
            for (int epoch = 0; epoch < 4; epoch++)
                for (long index = 0; index < 64; index++)
                    Assert.True(firsts.Add(First(seed, epoch, index)), $"({seed}, {epoch}, {index}) repeats another sample's numbers");
        Assert.Equal(First(7, 2, 9), First(7, 2, 9));
    }

    [Fact]
    public void BoundedDrawsStayInRangeAndCoverIt()
    {
        var random = new SampleRandom(1, 0, 0);
        var counts = new int[5];
        for (int i = 0; i < 5000; i++) counts[random.Next(5)]++;
        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
        for (int i = 0; i < 1000; i++)
        {
            Assert.InRange(random.Next(-3, 4), -3, 3);
            Assert.InRange(random.NextDouble(), 0.0, 1.0 - double.Epsilon);
            Assert.InRange(random.NextSingle(), 0f, 0.99999994f);
        }
        Assert.Equal(int.MinValue, new SampleRandom(0, 0, 0).Next(int.MinValue, int.MinValue + 1));
        Assert.InRange(random.Next(int.MinValue, int.MaxValue), int.MinValue, int.MaxValue - 1);
        Assert.False(random.NextBoolean(0));
        Assert.True(random.NextBoolean(1));
    }

    [Fact]
    public void NextBetweenTwoBoundsCoversThatRangeAndNoMore()
    {
        var random = new SampleRandom(2, 1, 7);
        var counts = new int[5];
        for (int i = 0; i < 5000; i++)
        {
            int drawn = random.Next(10, 15);
            Assert.InRange(drawn, 10, 14);
            counts[drawn - 10]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
    }

    /// <summary>
    /// A range of 3 × 2^30 values: multiplying a 32-bit draw by it without rejecting the biased draws would give
    /// every offset divisible by 3 twice the weight of the others (half the draws instead of a third).
    /// </summary>
    [Fact]
    public void AWideRangeIsDrawnWithoutBias()
    {
        const long range = 3L << 30;
        int min = int.MinValue, max = (int)(int.MinValue + range);
        var random = new SampleRandom(3, 0, 0);
        const int n = 3000;
        int multiplesOfThree = 0;
        for (int i = 0; i < n; i++)
        {
            long offset = (long)random.Next(min, max) - min;
            Assert.InRange(offset, 0, range - 1);
            if (offset % 3 == 0) multiplesOfThree++;
        }
        Assert.InRange(multiplesOfThree, n / 3 - 150, n / 3 + 150); // ± 6 σ; the biased draw gives n / 2
    }

    [Fact]
    public void NextBooleanIsTrueExactlyWhenItsDrawIsBelowTheProbability()
    {
        for (long index = 0; index < 20; index++)
        {
            double draw = new SampleRandom(4, 2, index).NextDouble(); // the one number NextBoolean draws
            Assert.False(new SampleRandom(4, 2, index).NextBoolean(draw));
            Assert.True(new SampleRandom(4, 2, index).NextBoolean(Math.BitIncrement(draw)));
        }
    }

    [Fact]
    public void BadArgumentsNameTheParameterAndTheValue()
    {
        Assert.Contains("-1", Assert.Throws<ArgumentOutOfRangeException>("epoch", () => new SampleRandom(0, -1, 0)).Message);
        Assert.Contains("-2", Assert.Throws<ArgumentOutOfRangeException>("index", () => new SampleRandom(0, 0, -2)).Message);
        var random = new SampleRandom(0, 0, 0);
        Assert.Contains("0", Assert.Throws<ArgumentOutOfRangeException>("maxExclusive", () => random.Next(0)).Message);
        var reversed = Assert.Throws<ArgumentOutOfRangeException>("maxExclusive", () => random.Next(5, 3));
        Assert.Contains("was 3", reversed.Message);
        Assert.Contains("5", reversed.Message); // the bound it must exceed
        Assert.Throws<ArgumentOutOfRangeException>("maxExclusive", () => random.Next(5, 5)); // an empty range
        var probability = Assert.Throws<ArgumentOutOfRangeException>("probability", () => random.NextBoolean(1.5));
        Assert.Contains("1.5", probability.Message);
        Assert.Contains("[0, 1]", probability.Message);
    }
}
