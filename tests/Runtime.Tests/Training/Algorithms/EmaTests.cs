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
}
