using Composer.Training;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class TimeTests
{
    [Theory]
    [InlineData("3ep", 3, TimeUnit.Epoch)]
    [InlineData("500ba", 500, TimeUnit.Batch)]
    [InlineData("20000sp", 20000, TimeUnit.Sample)]
    [InlineData("0.5dur", 0.5, TimeUnit.Duration)]
    [InlineData(" 2EP ", 2, TimeUnit.Epoch)]
    [InlineData("1e3ba", 1000, TimeUnit.Batch)]
    public void ParsesComposerNotation(string text, double value, TimeUnit unit)
    {
        Assert.Equal(new Time(value, unit), Time.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("ep")]
    [InlineData("3 epochs")]
    [InlineData("-1ep")]
    [InlineData("1.5ba")]
    [InlineData("NaNdur")]
    [InlineData("3xx")]
    public void RejectsInvalidStringsNamingTheValue(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => Time.Parse(text));
        Assert.Equal("text", e.ParamName);
        Assert.Contains($"'{text}'", e.Message);
        Assert.False(Time.TryParse(text, out _));
    }

    [Fact]
    public void TryParseGivesTheTimeOfAValidString()
    {
        Assert.True(Time.TryParse("3ep", out var time));
        Assert.Equal(new Time(3, TimeUnit.Epoch), time);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void ANullOrBlankStringIsRefusedNamingTheParameter(string? text)
    {
        var e = Assert.Throws<ArgumentException>(() => Time.Parse(text, "tMax"));
        Assert.Equal("tMax", e.ParamName);
        Assert.Contains("expected a number and a unit", e.Message);
        Assert.False(Time.TryParse(text, out _));
    }

    [Fact]
    public void RoundTripsThroughToString()
    {
        foreach (var text in new[] { "3ep", "500ba", "20000sp", "0.25dur" })
        {
            Assert.Equal(text, Time.Parse(text).ToString());
        }
    }

    [Fact]
    public void TimestampCountsBatchesEpochsAndSamples()
    {
        var t = new Timestamp().AfterBatch(32).AfterBatch(32).AfterEpoch().AfterBatch(16);
        Assert.Equal(new Timestamp(1, 3, 1, 80), t);
        Assert.Equal(80, t.Get(TimeUnit.Sample));
        var e = Assert.Throws<ArgumentException>("unit", () => t.Get(TimeUnit.Duration));
        Assert.Contains("Duration", e.Message);
    }
}
