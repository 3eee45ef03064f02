using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class MonitorTests
{
    [Fact]
    public void CallbackAndLoggerConstructorsRefuseBadArgumentsNamingParameterAndValue()
    {
        void Refused<T>(string parameter, string value, Func<object> create) where T : ArgumentException
        {
            var e = Assert.Throws<T>(parameter, create);
            Assert.Contains(value, e.Message);
        }

        Refused<ArgumentOutOfRangeException>("windowSize", "was 0", () => new SpeedMonitor(windowSize: 0));
        Refused<ArgumentOutOfRangeException>("batchInterval", "was -1", () => new MemoryMonitor(batchInterval: -1));
        Refused<ArgumentException>("monitor", "was ' '", () => new EarlyStopper(monitor: " "));
        Refused<ArgumentOutOfRangeException>("patience", "was 0", () => new EarlyStopper(patience: 0));
        Refused<ArgumentOutOfRangeException>("minDelta", "was -0.5", () => new EarlyStopper(minDelta: -0.5));
        Refused<ArgumentOutOfRangeException>("minDelta", "was NaN", () => new EarlyStopper(minDelta: double.NaN));
        Refused<ArgumentException>("path", "was ''", () => new JsonLinesLogger(""));
        Refused<ArgumentNullException>("path", "null", () => new JsonLinesLogger(null!));
        Refused<ArgumentException>("logDir", "was ' '", () => new TensorBoardLogger(" "));
        Assert.Throws<ArgumentNullException>("state", () => new SpeedMonitor().LoadStateDict(null!));
        Assert.Throws<ArgumentNullException>("state", () => new EarlyStopper().LoadStateDict(null!));
    }

    [Fact]
    public void LRMonitorLogsEveryGroupsRateAfterEveryBatch()
    {
        var logger = new RecordingLogger();
        using var model = TrainingFixtures.Mlp(2, dropout: 0);
        var parameters = model.parameters().ToList();
        using var optimizer = optim.SGD([new TorchSharp.Modules.SGD.ParamGroup(parameters.Take(2), 0.1), new TorchSharp.Modules.SGD.ParamGroup(parameters.Skip(2), 0.01)], 0.1);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(128, 32),
            Device = "cpu",
            Schedulers = [new StepScheduler("2ba", gamma: 0.5)],
            Callbacks = [new LRMonitor()],
            Loggers = [logger],
        }))
        {
            trainer.Fit();
        }

        Assert.Equal([0.1, 0.1, 0.05, 0.05], logger.Values("lr/group0").Select(v => Math.Round(v.Value, 12)));
        Assert.Equal([0.01, 0.01, 0.005, 0.005], logger.Values("lr/group1").Select(v => Math.Round(v.Value, 12)));
        Assert.Equal([1L, 2, 3, 4], logger.Values("lr/group0").Select(v => v.Batch));
    }

    [Fact]
    public void SpeedMonitorLogsThroughputOnceItsWindowIsFullAndLeavesOutEvaluation()
    {
        var logger = new RecordingLogger();
        var speed = new SpeedMonitor(windowSize: 2);
        using var model = TrainingFixtures.Mlp(2, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(256), batchSize: 64, disposeDataset: true);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(160, 32),
            EvalLoader = eval,
            EvalInterval = "2ba",
            Device = "cpu",
            Callbacks = [speed],
            Loggers = [logger],
        }))
        {
            trainer.Fit();
        }

        Assert.Equal([2L, 3, 4, 5], logger.Values("throughput/batches_per_sec").Select(v => v.Batch));
        Assert.Equal([2L, 3, 4, 5], logger.Values("throughput/samples_per_sec").Select(v => v.Batch));
        Assert.All(logger.Values("throughput/samples_per_sec"), v => Assert.True(v.Value > 0));
        Assert.Equal(32 * speed.BatchesPerSecond, speed.SamplesPerSecond, 6);
        var train = logger.Values("wall_clock/train").Select(v => v.Value).ToList();
        Assert.Equal(5, train.Count);
        Assert.True(train.Zip(train.Skip(1)).All(p => p.Second > p.First));
        Assert.True(speed.EvalSeconds > 0);
        // The total is training plus evaluation at each batch's end (evaluation ran after batches 2 and 4).
        var val = logger.Values("wall_clock/val").Select(v => v.Value).ToList();
        var total = logger.Values("wall_clock/total").Select(v => v.Value).ToList();
        Assert.Equal(5, val.Count);
        Assert.True(val[^1] > 0);
        Assert.Equal(train.Zip(val, (t, v) => t + v), total);

        var restored = new SpeedMonitor();
        restored.LoadStateDict(speed.StateDict());
        Assert.Equal(speed.TrainSeconds, restored.TrainSeconds, 9);
        Assert.Equal(speed.EvalSeconds, restored.EvalSeconds, 9);
    }

    [Fact]
    public void SpeedMonitorClocksTrainingOnlyInsideFitStartsEachFitWithAnEmptyWindowAndLoadsItsTotalsExactly()
    {
        var speed = new SpeedMonitor(windowSize: 2);
        using var model = TrainingFixtures.Mlp(2, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(64), batchSize: 64, disposeDataset: true);
        Trainer NewTrainer(RecordingLogger logger) => new(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(128, 32),
            EvalLoader = eval,
            Device = "cpu",
            Callbacks = [speed],
            Loggers = [logger],
        });

        using (var trainer = NewTrainer(new RecordingLogger()))
        {
            trainer.Fit();
            double trained = speed.TrainSeconds, evaluated = speed.EvalSeconds;
            trainer.Eval(); // outside Fit: evaluation time, and the training clock stays stopped
            Assert.Equal(trained, speed.TrainSeconds);
            Assert.True(speed.EvalSeconds > evaluated);
        }

        // A second fit measures its own windows: nothing of the first fit's batches is left in them.
        var second = new RecordingLogger();
        using (var trainer = NewTrainer(second))
        {
            trainer.Fit();
        }

        Assert.Equal([2L, 3, 4], second.Values("throughput/batches_per_sec").Select(v => v.Batch));

        // Loaded totals replace what this monitor measured so far.
        speed.LoadStateDict(new Dictionary<string, Tensor> { ["train_seconds"] = tensor(5.0, ScalarType.Float64), ["eval_seconds"] = tensor(2.0, ScalarType.Float64) });
        Assert.Equal(5.0, speed.TrainSeconds);
        Assert.Equal(2.0, speed.EvalSeconds);
    }

    [Fact]
    public void MemoryMonitorLogsProcessManagedAndTensorCountsOnlyWhenSomeoneListens()
    {
        var logger = new RecordingLogger();
        var memory = new MemoryMonitor(batchInterval: 2);
        var silent = new MemoryMonitor();
        using var model = TrainingFixtures.Mlp(2, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(128, 32),
            Device = "cpu",
            Callbacks = [memory],
            Loggers = [logger],
        }))
        {
            trainer.Fit();
        }

        using (var quiet = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(64, 32),
            Device = "cpu",
            Callbacks = [silent],
        }))
        {
            quiet.Fit();
        }

        Assert.Equal([2L, 4], logger.Values("memory/process_bytes").Select(v => v.Batch));
        foreach (string key in new[] { "memory/process_bytes", "memory/peak_process_bytes", "memory/managed_bytes", "memory/live_tensors" })
        {
            Assert.True(memory.Last[key] > 0, key);
        }

        Assert.True(memory.Last["memory/peak_process_bytes"] >= memory.Last["memory/process_bytes"]);
        Assert.Empty(silent.Last);
    }
}
