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

    [Theory]
    [InlineData("8ba", "1ep", 0.5)] // epochs convert to batches through the loader's 4 batches an epoch
    [InlineData("8ba", "2ba", 0.25)]
    [InlineData("2ep", "2ba", 0.25)] // and batches to epochs
    [InlineData("2ep", "1ep", 0.5)]
    [InlineData("2ep", "0.3dur", 0.3)]
    [InlineData("64sp", "16sp", 0.25)]
    public void TimesOfEveryUnitAreFractionsOfMaxDuration(string maxDuration, string time, double fraction)
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = TorchSharp.torch.optim.SGD(model.parameters(), 0.1);
        using var trainer = NewTrainer(model, optimizer, maxDuration);
        Assert.Equal(fraction, trainer.State.FractionOfMaxDuration(Time.Parse(time)), 12);
    }

    [Theory]
    [InlineData("2ep", "3sp")]
    [InlineData("64sp", "1ep")]
    [InlineData("64sp", "2ba")]
    public void SamplesDoNotConvertToEpochsOrBatches(string maxDuration, string time)
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = TorchSharp.torch.optim.SGD(model.parameters(), 0.1);
        using var trainer = NewTrainer(model, optimizer, maxDuration);
        var e = Assert.Throws<InvalidOperationException>(() => trainer.State.FractionOfMaxDuration(Time.Parse(time)));
        Assert.Contains($"Cannot express {time} in the unit of MaxDuration ({maxDuration})", e.Message);
    }

    [Fact]
    public void ProgressCountsTheBatchesOfTheCurrentEpoch()
    {
        var progress = new List<(double Progress, double Duration)>();
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = TorchSharp.torch.optim.SGD(model.parameters(), 0.1);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(16, 4),
            MaxDuration = "2ep",
            Device = "cpu",
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.BatchEnd) progress.Add((s.Progress, s.Elapsed(TimeUnit.Duration))); })],
        }))
        {
            trainer.Fit();
        }

        Assert.Equal([0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0], progress.Select(p => p.Progress));
        Assert.All(progress, p => Assert.Equal(p.Progress, p.Duration));
    }

    /// <summary>
    /// A MaxDuration in samples ends training at the first batch end at or past it. 25 samples in batches of 10, 10
    /// and 5 (no batch size divides 25): 15 is passed by the second batch (20), 25 reached exactly at the epoch's end,
    /// 26 only by the first batch of the next epoch (35).
    /// </summary>
    [Theory]
    [InlineData("15sp", new long[] { 10, 10 }, 0, 2)]
    [InlineData("20sp", new long[] { 10, 10 }, 0, 2)]
    [InlineData("25sp", new long[] { 10, 10, 5 }, 1, 0)]
    [InlineData("26sp", new long[] { 10, 10, 5, 10 }, 1, 1)]
    public void AMaxDurationInSamplesStopsAtTheFirstBatchThatReachesIt(string maxDuration, long[] batchSizes, int epoch, long batchInEpoch)
    {
        var trained = new List<long>();
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = TorchSharp.torch.optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(25, 10),
            MaxDuration = maxDuration,
            Device = "cpu",
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.BatchEnd) trained.Add(s.BatchSize); })],
        });
        trainer.Fit();

        Assert.Equal(batchSizes, trained);
        Assert.Equal(new Timestamp(epoch, batchSizes.Length, batchInEpoch, batchSizes.Sum()), trainer.State.Timestamp);
    }

    /// <summary>
    /// A train loader without batches gives no count to convert epochs and batches through: the conversion is refused
    /// rather than dividing by zero, and progress counts whole epochs.
    /// </summary>
    [Theory]
    [InlineData("1ep", "2ba")]
    [InlineData("8ba", "1ep")]
    public void AnEmptyTrainLoaderDoesNotConvertEpochsAndBatches(string maxDuration, string time)
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = TorchSharp.torch.optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(0, 4),
            MaxDuration = maxDuration,
            Device = "cpu",
        });
        Assert.Equal(0, trainer.State.BatchesPerEpoch);
        Assert.Throws<InvalidOperationException>(() => trainer.State.FractionOfMaxDuration(Time.Parse(time)));
        Assert.Equal(0, trainer.State.Progress);
    }

    /// <summary>When the train loader's length is unknown, progress in epochs counts whole epochs only.</summary>
    [Fact]
    public void ProgressOfALoaderOfUnknownLengthCountsWholeEpochs()
    {
        var progress = new List<double>();
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = TorchSharp.torch.optim.SGD(model.parameters(), 0.1);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = Unsized(TrainingFixtures.Batches(16, 8)),
            MaxDuration = "2ep",
            Device = "cpu",
            Callbacks = [new RecordingCallback((e, s) => { if (e is Event.BatchEnd or Event.EpochEnd) progress.Add(s.Progress); })],
        }))
        {
            Assert.Null(trainer.State.BatchesPerEpoch);
            trainer.Fit();
        }

        Assert.Equal([0, 0, 0.5, 0.5, 0.5, 1.0], progress);
    }

    private static IEnumerable<Dictionary<string, TorchSharp.torch.Tensor>> Unsized(List<Dictionary<string, TorchSharp.torch.Tensor>> batches)
    {
        foreach (var batch in batches)
        {
            yield return batch;
        }
    }

    private static Trainer NewTrainer(ComposerModel model, TorchSharp.torch.optim.Optimizer optimizer, string maxDuration) => new(new()
    {
        Model = model,
        Optimizer = optimizer,
        TrainLoader = TrainingFixtures.Batches(16, 4), // 4 batches an epoch
        MaxDuration = maxDuration,
        Device = "cpu",
    });
}
