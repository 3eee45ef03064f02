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
}
