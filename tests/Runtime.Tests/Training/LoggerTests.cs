using System.Text.Json;
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class LoggerTests
{
    [Fact]
    public void LoggersRecordTrainLossLearningRateAndEvalMetrics()
    {
        string folder = TrainingFixtures.TempFolder();
        var console = new StringWriter();
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(64), batchSize: 32, disposeDataset: true);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(128, 32),
            EvalLoader = eval,
            Device = "cpu",
            MaxDuration = "2ep",
            Callbacks = [new LRMonitor()],
            Loggers = [new JsonLinesLogger(Path.Combine(folder, "metrics.jsonl")), new TensorBoardLogger(Path.Combine(folder, "tb")), new ProgressBarLogger(console)],
        }))
        {
            trainer.Fit();
        }

        var lines = File.ReadAllLines(Path.Combine(folder, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var train = lines.Where(l => l.TryGetProperty("loss/train", out _)).ToList();
        Assert.Equal(Enumerable.Range(1, 8).Select(b => (long)b), train.Select(l => l.GetProperty("batch").GetInt64()));
        var rates = lines.Where(l => l.TryGetProperty("lr", out _)).ToList(); // LRMonitor's lines
        Assert.Equal(Enumerable.Range(1, 8).Select(b => (long)b), rates.Select(l => l.GetProperty("batch").GetInt64()));
        Assert.All(rates, l => Assert.Equal(0.1, l.GetProperty("lr").GetDouble()));
        var evals = lines.Where(l => l.TryGetProperty("metrics/eval/accuracy", out _)).ToList();
        Assert.Equal(new[] { 1, 2 }, evals.Select(l => l.GetProperty("epoch").GetInt32()));

        var events = Directory.GetFiles(Path.Combine(folder, "tb"), "events.out.tfevents.*");
        Assert.Single(events);
        Assert.True(new FileInfo(events[0]).Length > 100);

        string text = console.ToString();
        Assert.Contains("epoch 1/2 [", text);
        Assert.Contains("samples/s", text);
        Assert.Contains("ETA", text);
        Assert.Contains("eval @ epoch 2, batch 8: loss", text);
    }

    [Fact]
    public void JsonLinesLoggerMakesItsFolderWritesNonFiniteValuesAsTextAndAppendsAcrossRuns()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "new", "metrics.jsonl");
        var logger = new JsonLinesLogger(path);
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        for (int run = 0; run < 2; run++)
        {
            using var trainer = new Trainer(new()
            {
                Model = model,
                Optimizer = optimizer,
                TrainLoader = TrainingFixtures.Batches(64, 32),
                Device = "cpu",
                Callbacks = [new RecordingCallback((e, s) =>
                {
                    if (e == Event.BatchEnd)
                        s.Logger.LogMetrics(new Dictionary<string, double> { ["nan"] = double.NaN, ["minus_infinity"] = double.NegativeInfinity, ["finite"] = 1.5 });
                })],
                Loggers = [logger],
            });
            trainer.Fit();
        }

        var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).Where(l => l.TryGetProperty("nan", out _)).ToList();
        Assert.Equal([1L, 2, 1, 2], lines.Select(l => l.GetProperty("batch").GetInt64())); // the second run appended
        Assert.Equal([32L, 64, 32, 64], lines.Select(l => l.GetProperty("sample").GetInt64()));
        Assert.All(lines, l => Assert.Equal("NaN", l.GetProperty("nan").GetString()));
        Assert.All(lines, l => Assert.Equal("-Infinity", l.GetProperty("minus_infinity").GetString()));
        Assert.All(lines, l => Assert.Equal(1.5, l.GetProperty("finite").GetDouble()));
    }

    /// <summary>
    /// Metrics logged without a trainer's FitEnd reach the file when the logger is disposed, as UTF-8 without a byte-order
    /// mark; logging again reopens the file and appends.
    /// </summary>
    [Fact]
    public void JsonLinesLoggerFlushesWhenDisposedAndWritesNoByteOrderMark()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "metrics.jsonl");
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), Device = "cpu" });
        var logger = new JsonLinesLogger(path);
        logger.LogMetrics(new Dictionary<string, double> { ["a"] = 1 }, trainer.State);
        logger.Dispose();
        logger.LogMetrics(new Dictionary<string, double> { ["a"] = 2 }, trainer.State);
        logger.Dispose();

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'{', bytes[0]);
        var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1.0, 2.0], lines.Select(l => l.GetProperty("a").GetDouble()));
    }

    /// <summary>TensorBoard's steps are the batch count, clamped to int.MaxValue past it.</summary>
    [Fact]
    public void TensorBoardLoggerStepsAreTheBatchCountClampedToIntMaxValue()
    {
        string folder = TrainingFixtures.TempFolder();
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), Device = "cpu" });
        var logger = new TensorBoardLogger(folder);
        trainer.State.Timestamp = new Timestamp(0, 2, 2, 64);
        logger.LogMetrics(new Dictionary<string, double> { ["a"] = 1 }, trainer.State);
        trainer.State.Timestamp = new Timestamp(0, 3L << 32, 3L << 32, 3L << 37);
        logger.LogMetrics(new Dictionary<string, double> { ["a"] = 2 }, trainer.State);

        var events = Directory.GetFiles(folder, "events.out.tfevents.*");
        Assert.Single(events);
        Assert.Equal([2L, int.MaxValue], EventSteps(File.ReadAllBytes(events[0])).Skip(1)); // after the file-version event
    }

    /// <summary>Metrics must not be null, even where no destination would read them.</summary>
    [Fact]
    public void LoggingNullMetricsIsRefused()
    {
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), Device = "cpu" });
        Assert.Throws<ArgumentNullException>(() => trainer.State.Log(null!));
    }

    /// <summary>The step of every event in a TFRecord file (an Event's wall_time is field 1, its step field 2, a varint).</summary>
    private static IEnumerable<long> EventSteps(byte[] file)
    {
        int at = 0;
        while (at < file.Length)
        {
            int length = (int)BitConverter.ToUInt64(file, at);
            var data = file.AsSpan(at + 12, length);
            at += 12 + length + 4;
            int p = data[0] == 0x09 ? 9 : 0;
            long step = 0;
            if (data[p] == 0x10)
            {
                p++;
                for (int shift = 0; ; shift += 7)
                {
                    step |= (long)(data[p] & 0x7F) << shift;
                    if ((data[p++] & 0x80) == 0)
                    {
                        break;
                    }
                }
            }

            yield return step;
        }
    }

    [Fact]
    public void ProgressBarLoggerWritesATenthOfAnEpochALineWhenRedirectedWithTheSmoothedLoss()
    {
        var console = new StringWriter();
        var losses = new List<double>();
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(160, 8), // 20 batches an epoch
            Device = "cpu",
            MaxDuration = "2ep",
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.BatchEnd) losses.Add(s.Loss); })],
            Loggers = [new ProgressBarLogger(console)],
        }))
        {
            trainer.Fit();
        }

        var line = new System.Text.RegularExpressions.Regex(
            @"^epoch (\d)/2 \[(#*)(\.*)\] (\d+)/20  loss (\d+\.\d{4})  (\d+) samples/s  (ETA \d+:\d\d|\d+:\d\d)$");
        var lines = console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => line.Match(l)).ToList();
        Assert.All(lines, m => Assert.True(m.Success, m.Value));
        int[] done = [1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]; // a line per tenth of the epoch, the last one when it ends
        Assert.Equal(done.Concat(done), lines.Select(m => int.Parse(m.Groups[4].Value)));
        Assert.Equal(Enumerable.Repeat(1, 11).Concat(Enumerable.Repeat(2, 11)), lines.Select(m => int.Parse(m.Groups[1].Value)));
        Assert.All(lines, m => Assert.Equal(30 * int.Parse(m.Groups[4].Value) / 20, m.Groups[2].Length));
        Assert.All(lines, m => Assert.Equal(30, m.Groups[2].Length + m.Groups[3].Length));
        Assert.All(lines, m => Assert.Equal(m.Groups[4].Value == "20", !m.Groups[7].Value.StartsWith("ETA", StringComparison.Ordinal)));

        // The loss shown is an exponential average over the run's batches (0.95 of the last average, 0.05 of the new loss).
        var smoothed = new List<double>();
        foreach (double loss in losses)
        {
            smoothed.Add(smoothed.Count == 0 ? loss : 0.95 * smoothed[^1] + 0.05 * loss);
        }

        var shownAt = done.Select(d => d - 1).Concat(done.Select(d => 20 + d - 1));
        Assert.Equal(shownAt.Select(i => smoothed[i].ToString("F4", System.Globalization.CultureInfo.InvariantCulture)), lines.Select(m => m.Groups[5].Value));
    }

    private static readonly System.Text.RegularExpressions.Regex SizedLine = new(
        @"^epoch 1/1 \[[#.]{30}\] (\d+)/10  loss \d+\.\d{4}  (\d+) samples/s  (?:ETA (\d+):(\d\d)|(\d+):(\d\d))$");

    /// <summary>
    /// Throughput is the epoch's samples over the time since it started and the time left is the time per batch so far
    /// times the batches left: a batch that sleeps 1.1 s bounds both (lower bounds on the elapsed time only, so that a
    /// slow machine cannot fail it). Redirected, an epoch of 10 batches gets a line per batch, the last one with the
    /// epoch's time instead of the time left.
    /// </summary>
    [Fact]
    public void ProgressBarLoggerThroughputAndTimeLeftFollowTheTimeSinceTheEpochStarted()
    {
        const double sleep = 1.1;
        var console = new StringWriter();
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(80, 8), // 10 batches an epoch
            Device = "cpu",
            MaxDuration = "1ep",
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.BatchStart && s.Timestamp.BatchInEpoch == 1) Thread.Sleep(TimeSpan.FromSeconds(sleep)); })],
            Loggers = [new ProgressBarLogger(console)],
        }))
        {
            trainer.Fit();
        }

        var lines = console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => SizedLine.Match(l)).ToList();
        Assert.All(lines, m => Assert.True(m.Success, m.Value));
        Assert.Equal(Enumerable.Range(1, 10), lines.Select(m => int.Parse(m.Groups[1].Value)));
        var final = lines[^1];
        Assert.False(final.Groups[3].Success);
        double epochSeconds = int.Parse(final.Groups[5].Value) * 60 + int.Parse(final.Groups[6].Value);
        Assert.True(epochSeconds >= 1, final.Value);

        for (int done = 2; done <= 9; done++)
        {
            // Since batch 2, the epoch has taken at least `sleep` seconds for `done` batches of 8 samples.
            var m = lines[done - 1];
            Assert.True(int.Parse(m.Groups[2].Value) <= 8 * done / sleep + 1, m.Value);
        }

        double Eta(int done) => int.Parse(lines[done - 1].Groups[3].Value) * 60 + int.Parse(lines[done - 1].Groups[4].Value);
        Assert.True(Eta(2) >= Math.Floor(sleep / 2 * 8), lines[1].Value); // at least 1.1 s / 2 batches × 8 left
        Assert.True(Eta(9) <= (epochSeconds + 1) / 9, lines[8].Value); // at most the epoch's time / 9 batches × 1 left
    }

    /// <summary>
    /// Redirected, no blank lines: each evaluation gets a line of its metrics, two spaces apart with four decimals.
    /// </summary>
    [Fact]
    public void ProgressBarLoggerWritesEvaluationsAsLinesOfTheirOwn()
    {
        var console = new StringWriter();
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(64), batchSize: 32, disposeDataset: true);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(64, 32),
            EvalLoader = eval,
            Device = "cpu",
            MaxDuration = "2ep",
            Loggers = [new ProgressBarLogger(console)],
        }))
        {
            trainer.Fit();
        }

        var lines = console.ToString().Split(Environment.NewLine).ToList();
        Assert.Equal("", lines[^1]); // the last line ended, and no blank line anywhere
        Assert.All(lines.SkipLast(1), l => Assert.NotEqual("", l));
        var evals = lines.Where(l => l.StartsWith("eval", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, evals.Count);
        var metric = new System.Text.RegularExpressions.Regex(@"^eval @ epoch (\d), batch (\d): ([a-z]+ -?\d+\.\d{4})(  [a-z]+ -?\d+\.\d{4})+$");
        Assert.All(evals, l => Assert.Matches(metric, l));
        Assert.Equal(["1 2", "2 4"], evals.Select(l => metric.Match(l)).Select(m => m.Groups[1].Value + " " + m.Groups[2].Value));
    }

    /// <summary>
    /// A loader of unknown length gets a count of batches instead of a bar, no time left ("?"), and the epoch's last
    /// line counts the batches it ran.
    /// </summary>
    [Fact]
    public void ProgressBarLoggerCountsTheBatchesOfALoaderOfUnknownLength()
    {
        var console = new StringWriter();
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = Unsized(TrainingFixtures.Batches(24, 8)),
            Device = "cpu",
            MaxDuration = "2ep",
            Loggers = [new ProgressBarLogger(console)],
        }))
        {
            trainer.Fit();
        }

        var line = new System.Text.RegularExpressions.Regex(@"^epoch (\d)/2 (\d+) batches  loss \d+\.\d{4}  \d+ samples/s  (ETA \?|\d+:\d\d)$");
        var lines = console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => line.Match(l)).ToList();
        Assert.All(lines, m => Assert.True(m.Success, m.Value));
        string[] expected = ["1 1 ETA ?", "1 2 ETA ?", "1 3 ETA ?", "1 3 end", "2 1 ETA ?", "2 2 ETA ?", "2 3 ETA ?", "2 3 end"];
        Assert.Equal(expected, lines.Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value} {(m.Groups[3].Value.StartsWith("ETA", StringComparison.Ordinal) ? m.Groups[3].Value : "end")}"));
    }

    /// <summary>Times of an hour or more show hours (all of them, past a day too): h:mm:ss.</summary>
    [Fact]
    public void ProgressBarLoggerShowsHoursInLongTimesLeft()
    {
        const long batches = 100_000_000; // at 5 ms a batch, about 139 hours left
        var console = new StringWriter();
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = new Endless(TrainingFixtures.Batches(8, 8), batches),
            Device = "cpu",
            MaxDuration = "1ba",
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.BatchStart) Thread.Sleep(5); })],
            Loggers = [new ProgressBarLogger(console)],
        }))
        {
            trainer.Fit();
        }

        var eta = System.Text.RegularExpressions.Regex.Match(console.ToString(), @" 1/100000000  .* ETA (\d+):(\d\d):(\d\d)\r?\n");
        Assert.True(eta.Success, console.ToString());
        long seconds = long.Parse(eta.Groups[1].Value) * 3600 + int.Parse(eta.Groups[2].Value) * 60 + int.Parse(eta.Groups[3].Value);
        Assert.True(seconds >= 0.005 * (batches - 1) - 1, eta.Value);
    }

    private static IEnumerable<Dictionary<string, Tensor>> Unsized(List<Dictionary<string, Tensor>> batches)
    {
        foreach (var batch in batches)
        {
            yield return batch;
        }
    }

    /// <summary>A loader that says it holds <paramref name="count"/> batches and repeats its few ones.</summary>
    private sealed class Endless(List<Dictionary<string, Tensor>> batches, long count) : IDataLoader<Dictionary<string, Tensor>>
    {
        public long? Count => count;

        public void SetEpoch(int epoch)
        {
        }

        public IEnumerable<Dictionary<string, Tensor>> IterateFrom(long firstBatch)
        {
            for (long i = firstBatch; i < count; i++)
            {
                yield return batches[(int)(i % batches.Count)];
            }
        }

        public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => IterateFrom(0).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
