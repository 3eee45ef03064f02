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
}
