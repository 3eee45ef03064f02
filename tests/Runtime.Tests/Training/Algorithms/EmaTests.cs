using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class EmaTests
{
    [Fact]
    public void TheAverageFollowsTheRecurrence()
    {
        const double smoothing = 0.8;
        using var model = TrainingFixtures.Mlp(9, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.2);
        using var ema = new EMA(smoothing: smoothing, averageAtFitEnd: false);
        var history = new List<Dictionary<string, float[]>>(); // the weights after every step
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(192, 32),
            Device = "cpu",
            Algorithms = [ema],
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.BatchEnd) { history.Add(TrainingFixtures.Weights(s.Model)); } })],
        });
        trainer.Fit();

        Assert.Equal(6, history.Count);
        Assert.True(ema.Started);
        Assert.False(ema.AverageActive);
        foreach (var (name, average) in ema.Average)
        {
            // a₁ = w₁, aₜ = s · aₜ₋₁ + (1 − s) · wₜ, in double precision.
            var expected = history[0][name].Select(w => (double)w).ToArray();
            foreach (var weights in history.Skip(1))
            {
                for (int i = 0; i < expected.Length; i++)
                {
                    expected[i] = smoothing * expected[i] + (1 - smoothing) * weights[name][i];
                }
            }

            var actual = average.data<float>().ToArray();
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6 * (1 + Math.Abs(expected[i])), $"{name}[{i}]: {expected[i]} vs {actual[i]}");
            }
        }

        // The model trained on its own weights, not the average.
        Assert.Equal(history[^1]["module.fc1.weight"], TrainingFixtures.Weights(model)["module.fc1.weight"]);
        Assert.NotEqual(history[^1]["module.fc1.weight"], ema.Average["module.fc1.weight"].data<float>().ToArray());
    }

    [Theory]
    [InlineData("10ba", null, 0.933032991536807)] // 2^(-1/10)
    [InlineData("2ep", "1ep", 0.7071067811865476)] // 2^(-1/2)
    [InlineData("4ba", "2ba", 0.7071067811865476)]
    public void TheSmoothingFollowsFromTheHalfLife(string halfLife, string? updateInterval, double smoothing)
    {
        using var ema = new EMA(halfLife, updateInterval: updateInterval);
        Assert.Equal(smoothing, ema.Smoothing, 12);
    }

    [Fact]
    public void InconsistentArgumentsAreRefused()
    {
        Assert.Equal("smoothing", Assert.Throws<ArgumentException>(() => new EMA("10ba", smoothing: 0.9)).ParamName);
        Assert.Equal("updateInterval", Assert.Throws<ArgumentException>(() => new EMA("10ba", updateInterval: "1ep")).ParamName);
        Assert.Equal("halfLife", Assert.Throws<ArgumentException>(() => new EMA("0.5dur")).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EMA(smoothing: 1.5));
        Assert.Equal("smoothing", e.ParamName);
        Assert.Contains("1.5", e.Message);
    }

    [Fact]
    public void EvaluationUsesTheAverageAndTrainingEndsWithIt()
    {
        using var model = TrainingFixtures.Mlp(9, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.2);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(64), batchSize: 64, disposeDataset: true);
        using var ema = new EMA(smoothing: 0.5, emaStart: "2ba");
        var checks = new List<string>();
        float[]? beforeEval = null;
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(192, 32),
            EvalLoader = eval,
            EvalInterval = "2ba",
            Device = "cpu",
            Algorithms = [ema],
            Callbacks = [new RecordingCallback((e, s) =>
            {
                var weights = TrainingFixtures.Weights(s.Model)["module.fc1.weight"];
                switch (e)
                {
                    case Event.BatchEnd when s.Timestamp.Batch == 2:
                        // Averaging starts at 2 batches with a copy of the weights.
                        Assert.Equal(weights, ema.Average["module.fc1.weight"].data<float>().ToArray());
                        beforeEval = weights;
                        break;
                    case Event.BatchEnd:
                        beforeEval = weights;
                        break;
                    case Event.EvalStart:
                        Assert.True(ema.AverageActive);
                        Assert.Equal(ema.Average["module.fc1.weight"].data<float>().ToArray(), weights);
                        checks.Add("eval with average");
                        break;
                    case Event.EvalEnd:
                        Assert.False(ema.AverageActive);
                        Assert.Equal(beforeEval, weights); // the training weights are back, exactly
                        checks.Add("training weights back");
                        break;
                }
            })],
        });
        trainer.Fit();

        Assert.Equal(6, checks.Count); // evaluations at 2, 4 and 6 batches (the last one is also the end's: the same weights)
        Assert.True(ema.AverageActive);
        Assert.Equal(ema.Average["module.fc1.weight"].data<float>().ToArray(), TrainingFixtures.Weights(model)["module.fc1.weight"]);
        Assert.Equal(beforeEval, ema.StateDict()["training/module.fc1.weight"].data<float>().ToArray()); // kept for a resume
    }

    [Fact]
    public void ItsStateDictRestoresTheAverageAndTheTrainingWeights()
    {
        using var model = TrainingFixtures.Mlp(9, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.2);
        using var ema = new EMA(smoothing: 0.7);
        using (var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(96, 32), Device = "cpu", Algorithms = [ema] }))
        {
            trainer.Fit();
            Assert.Equal("algorithms/0/EMA", Assert.Single(trainer.State.Statefuls).Name);
        }

        using var other = TrainingFixtures.Mlp(1, dropout: 0);
        using var otherOptimizer = optim.SGD(other.parameters(), 0.2);
        using var restored = new EMA(smoothing: 0.7);
        float[]? atFitStart = null;
        using var otherTrainer = new Trainer(new()
        {
            Model = other,
            Optimizer = otherOptimizer,
            TrainLoader = TrainingFixtures.Batches(96, 32),
            Device = "cpu",
            Algorithms = [restored],
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.FitStart) { atFitStart = TrainingFixtures.Weights(s.Model)["module.fc1.weight"]; } })],
        });
        var saved = ema.StateDict();
        Assert.Equal(restored.StateDict().Keys.Order(), saved.Keys.Order()); // the same keys before anything was trained
        restored.LoadStateDict(saved);

        Assert.True(restored.Started);
        Assert.True(restored.AverageActive); // the checkpoint's model would hold the average
        foreach (var (name, average) in ema.Average)
        {
            TensorAssert.Equal(average, restored.Average[name]);
        }

        // Fitting again first puts the training weights back into the model.
        otherTrainer.Fit();
        Assert.Equal(saved["training/module.fc1.weight"].data<float>().ToArray(), atFitStart);
    }

    [Fact]
    public void ACheckpointTakenBeforeAveragingStartsResumesNotStartedAndNotActive()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "early.ckpt");
        using var model = TrainingFixtures.Mlp(9, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.2);
        Trainer NewTrainer(EMA ema, string maxDuration, string? loadPath = null) => new(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(192, 32), // 6 batches an epoch
            MaxDuration = maxDuration,
            Device = "cpu",
            Algorithms = [ema],
            LoadPath = loadPath,
        });

        using (var early = new EMA(smoothing: 0.5, emaStart: "4ba"))
        using (var trainer = NewTrainer(early, "2ba"))
        {
            trainer.Fit();
            Assert.False(early.Started);
            trainer.SaveCheckpoint(path);
        }

        using var resumed = new EMA(smoothing: 0.5, emaStart: "4ba");
        using var again = NewTrainer(resumed, "1ep", path);
        Assert.False(resumed.Started);
        Assert.False(resumed.AverageActive);
        again.Fit();
        Assert.True(resumed.Started); // from batch 4 on
    }

    /// <summary>
    /// A start given as a fraction of training starts averaging at the first batch whose progress reaches it, even
    /// when the progress computed there falls an ulp short of the fraction written.
    /// </summary>
    [Theory]
    [InlineData("0.2dur", 3)] // 3 of 15 batches; the progress there, (0 + 3/5) / 3, is an ulp below 0.2
    [InlineData("0.6dur", 9)] // (1 + 4/5) / 3 is 0.6 exactly: reached, not passed by a margin
    public void AveragingStartsAtTheBatchThatReachesItsFractionOfTraining(string emaStart, int batch)
    {
        using var model = TrainingFixtures.Mlp(9, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.2);
        using var ema = new EMA(smoothing: 0.5, emaStart: emaStart, averageAtFitEnd: false);
        long? startedAt = null;
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(40, 8), // 5 batches an epoch
            MaxDuration = "3ep",
            Device = "cpu",
            Algorithms = [ema],
            Callbacks = [new RecordingCallback((e, s) =>
            {
                if (e == Event.BatchEnd && ema.Started && startedAt is null)
                {
                    startedAt = s.Timestamp.Batch;
                    // Averaging starts with a copy of the weights.
                    Assert.Equal(TrainingFixtures.Weights(s.Model)["module.fc1.weight"], ema.Average["module.fc1.weight"].data<float>().ToArray());
                }
            })],
        });
        trainer.Fit();

        Assert.Equal(batch, startedAt);
    }

    /// <summary>An update interval in epochs updates the average at the end of every such interval and at no batch's end.</summary>
    [Fact]
    public void AnIntervalInEpochsUpdatesAtTheEndOfEveryOtherEpochOnly()
    {
        using var model = TrainingFixtures.Mlp(9, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.2);
        using var ema = new EMA(halfLife: "4ep", updateInterval: "2ep", averageAtFitEnd: false);
        var atEpochEnd = new List<float[]>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(64, 32), // 2 batches an epoch
            MaxDuration = "4ep",
            Device = "cpu",
            Algorithms = [ema],
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.EpochEnd) { atEpochEnd.Add(TrainingFixtures.Weights(s.Model)["module.fc1.weight"]); } })],
        });
        trainer.Fit();

        // Updates at the ends of epochs 2 and 4: a copy of w₂, then s · w₂ + (1 − s) · w₄ with s = 2^(−2/4).
        double s = Math.Pow(2, -0.5);
        Assert.Equal(s, ema.Smoothing, 12);
        Assert.Equal(4, atEpochEnd.Count);
        var actual = ema.Average["module.fc1.weight"].data<float>().ToArray();
        for (int i = 0; i < actual.Length; i++)
        {
            double expected = s * atEpochEnd[1][i] + (1 - s) * atEpochEnd[3][i];
            Assert.True(Math.Abs(expected - actual[i]) <= 1e-6 * (1 + Math.Abs(expected)), $"[{i}]: {expected} vs {actual[i]}");
        }
    }

    /// <summary>An evaluation before averaging starts uses the training weights and leaves them as they are.</summary>
    [Fact]
    public void AnEvaluationBeforeAveragingStartsUsesTheTrainingWeights()
    {
        using var model = TrainingFixtures.Mlp(9, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.2);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(64), batchSize: 64, disposeDataset: true);
        using var ema = new EMA(smoothing: 0.5, emaStart: "3ba");
        var evaluations = new List<(long Batch, bool Average)>();
        float[]? beforeEval = null;
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(192, 32),
            EvalLoader = eval,
            EvalInterval = "2ba",
            Device = "cpu",
            Algorithms = [ema],
            Callbacks = [new RecordingCallback((e, s) =>
            {
                var weights = TrainingFixtures.Weights(s.Model)["module.fc1.weight"];
                switch (e)
                {
                    case Event.BatchEnd:
                        beforeEval = weights;
                        break;
                    case Event.EvalStart:
                        evaluations.Add((s.Timestamp.Batch, ema.AverageActive));
                        Assert.Equal(ema.AverageActive ? ema.Average["module.fc1.weight"].data<float>().ToArray() : beforeEval, weights);
                        break;
                    case Event.EvalEnd:
                        Assert.False(ema.AverageActive);
                        Assert.Equal(beforeEval, weights);
                        break;
                }
            })],
        });
        trainer.Fit();

        Assert.Equal(new List<(long, bool)> { (2, false), (4, true), (6, true) }, evaluations); // averaging starts at batch 3
    }

    /// <summary>An evaluation after training ended, when the model holds the average, keeps the average in the model.</summary>
    [Fact]
    public void AnEvaluationAfterTrainingEndsKeepsTheAverage()
    {
        using var model = TrainingFixtures.Mlp(9, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.2);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(64), batchSize: 64, disposeDataset: true);
        using var ema = new EMA(smoothing: 0.5);
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(192, 32),
            EvalLoader = eval,
            EvalInterval = "2ba", // evaluations during training swap the average in and out
            Device = "cpu",
            Algorithms = [ema],
        });
        trainer.Fit();
        var average = ema.Average["module.fc1.weight"].data<float>().ToArray();
        Assert.True(ema.AverageActive);

        trainer.Eval();
        Assert.True(ema.AverageActive);
        Assert.Equal(average, TrainingFixtures.Weights(model)["module.fc1.weight"]);
    }

    /// <summary>
    /// A checkpoint taken after training ended holds the average in the model: evaluating it uses the average, and
    /// fitting on trains the training weights (the average is not active during training) and ends with the average.
    /// </summary>
    [Fact]
    public void ACheckpointTakenAfterTrainingEndsEvaluatesTheAverageAndTrainsOnTheTrainingWeights()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "ended.ckpt");
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(64), batchSize: 64, disposeDataset: true);
        float[] average, training;
        using (var model = TrainingFixtures.Mlp(9, dropout: 0))
        using (var optimizer = optim.SGD(model.parameters(), 0.2))
        using (var ema = new EMA(smoothing: 0.5))
        using (var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(96, 32), Device = "cpu", Algorithms = [ema] }))
        {
            trainer.Fit();
            trainer.SaveCheckpoint(path);
            average = ema.Average["module.fc1.weight"].data<float>().ToArray();
            training = ema.StateDict()["training/module.fc1.weight"].data<float>().ToArray();
            Assert.NotEqual(average, training);
        }

        using var resumedModel = TrainingFixtures.Mlp(1, dropout: 0);
        using var resumedOptimizer = optim.SGD(resumedModel.parameters(), 0.2);
        using var resumed = new EMA(smoothing: 0.5);
        float[]? atFitStart = null;
        int batches = 0;
        using var again = new Trainer(new()
        {
            Model = resumedModel,
            Optimizer = resumedOptimizer,
            TrainLoader = TrainingFixtures.Batches(96, 32),
            EvalLoader = eval,
            MaxDuration = "2ep",
            Device = "cpu",
            Algorithms = [resumed],
            LoadPath = path,
            Callbacks = [new RecordingCallback((e, s) =>
            {
                if (e == Event.FitStart)
                {
                    atFitStart = TrainingFixtures.Weights(s.Model)["module.fc1.weight"];
                }
                else if (e == Event.BatchEnd)
                {
                    Assert.False(resumed.AverageActive); // training trains the training weights
                    batches++;
                }
            })],
        });

        again.Eval();
        Assert.True(resumed.AverageActive);
        Assert.Equal(average, TrainingFixtures.Weights(resumedModel)["module.fc1.weight"]);

        again.Fit();
        Assert.Equal(training, atFitStart);
        Assert.Equal(3, batches);
        Assert.True(resumed.AverageActive);
        Assert.Equal(resumed.Average["module.fc1.weight"].data<float>().ToArray(), TrainingFixtures.Weights(resumedModel)["module.fc1.weight"]);
    }

    /// <summary>An EMA handed to a new trainer starts a new average: not started, the model holding its own weights.</summary>
    [Fact]
    public void ANewTrainerStartsANewAverage()
    {
        using var ema = new EMA(smoothing: 0.5);
        using (var model = TrainingFixtures.Mlp(9, dropout: 0))
        using (var optimizer = optim.SGD(model.parameters(), 0.2))
        using (var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), Device = "cpu", Algorithms = [ema] }))
        {
            trainer.Fit();
            Assert.True(ema.Started);
            Assert.True(ema.AverageActive);
        }

        using var other = TrainingFixtures.Mlp(1, dropout: 0);
        using var otherOptimizer = optim.SGD(other.parameters(), 0.2);
        using var otherTrainer = new Trainer(new() { Model = other, Optimizer = otherOptimizer, TrainLoader = TrainingFixtures.Batches(64, 32), Device = "cpu", Algorithms = [ema] });
        Assert.False(ema.Started);
        Assert.False(ema.AverageActive);
        otherTrainer.Fit();
        Assert.True(ema.AverageActive);
        Assert.Equal(ema.Average["module.fc1.weight"].data<float>().ToArray(), TrainingFixtures.Weights(other)["module.fc1.weight"]);
    }

    /// <summary>Floating-point buffers are averaged; other buffers (batch norm's count of batches) are copied.</summary>
    [Fact]
    public void BuffersThatAreNotFloatingPointAreCopied()
    {
        Reproducibility.SeedAll(3);
        using var model = new ComposerClassifier(nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc", nn.Linear(784, 16)),
            ("bn", nn.BatchNorm1d(16)),
            ("relu", nn.ReLU()),
            ("out", nn.Linear(16, 10))));
        using var optimizer = optim.SGD(model.parameters(), 0.2);
        using var ema = new EMA(smoothing: 0.5, averageAtFitEnd: false);
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(96, 32), Device = "cpu", Algorithms = [ema] });
        trainer.Fit();

        var buffers = model.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        Assert.Equal(3, buffers["module.bn.num_batches_tracked"].item<long>());
        TensorAssert.Equal(buffers["module.bn.num_batches_tracked"], ema.Average["module.bn.num_batches_tracked"]);
        Assert.False(buffers["module.bn.running_mean"].eq(ema.Average["module.bn.running_mean"]).all().item<bool>()); // averaged
    }

    /// <summary>Loading a null state dict is refused as such, not with a null reference deep inside.</summary>
    [Fact]
    public void LoadingANullStateDictIsRefused()
    {
        using var ema = new EMA(smoothing: 0.5);
        Assert.Throws<ArgumentNullException>(() => ema.LoadStateDict(null!));
    }
}
