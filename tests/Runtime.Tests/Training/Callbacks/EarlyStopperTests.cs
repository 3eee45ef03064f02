using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class EarlyStopperTests
{
    [Fact]
    public void TrainingStopsAfterPatienceEvaluationsWithoutImprovement()
    {
        using var model = TrainingFixtures.Mlp(2, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(64), batchSize: 64, disposeDataset: true);
        // No accuracy can beat the first by more than 1: evaluations at 2 (best), 4 (wait 1), 6 (wait 2: stop).
        var stopper = new EarlyStopper("accuracy", patience: 2, minDelta: 1);
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(320, 32),
            EvalLoader = eval,
            EvalInterval = "2ba",
            MaxDuration = "3ep",
            Device = "cpu",
            Callbacks = [stopper],
        });
        trainer.Fit();

        Assert.True(stopper.Stopped);
        Assert.Equal(6, trainer.State.Timestamp.Batch);
        Assert.Equal(2, stopper.Wait);
        Assert.Equal(MonitorMode.Max, stopper.Mode);
    }

    [Theory]
    // loss, min: 1.0 best; 0.995 is not better by more than 0.01 (wait 1); 0.85 is (best, wait 0); then 0.86, 0.845 (wait 1, 2: stop)
    [InlineData("loss", MonitorMode.Auto, new[] { 1.0, 0.995, 0.85, 0.86, 0.845 }, new[] { 0, 1, 0, 1, 2 })]
    [InlineData("accuracy", MonitorMode.Auto, new[] { 0.5, 0.6, 0.605, 0.7, 0.69 }, new[] { 0, 0, 1, 0, 1 })]
    [InlineData("recall", MonitorMode.Min, new[] { 0.5, 0.6, 0.3, 0.35, 0.4 }, new[] { 0, 1, 0, 1, 2 })]
    public void ImprovementsBeyondMinDeltaResetTheWait(string monitor, MonitorMode mode, double[] values, int[] waits)
    {
        using var model = TrainingFixtures.Mlp(2, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(32, 32), Device = "cpu" });
        var stopper = new EarlyStopper(monitor, patience: 2, minDelta: 0.01, mode);
        var state = trainer.State;
        for (int i = 0; i < values.Length; i++)
        {
            state.EvalMetrics = new Dictionary<string, double> { [monitor] = values[i] };
            stopper.EvalEnd(state, state.Logger);
            Assert.Equal(waits[i], stopper.Wait);
            Assert.Equal(waits[i] >= 2, state.StopTraining);
        }
    }

    [Theory]
    [InlineData("loss")]
    [InlineData("accuracy")]
    public void AnEqualValueIsNoImprovement(string monitor)
    {
        // minDelta 0: a plateau is not progress, so the wait grows and training stops after the patience.
        using var model = TrainingFixtures.Mlp(2, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(32, 32), Device = "cpu" });
        var stopper = new EarlyStopper(monitor, patience: 2, minDelta: 0);
        var state = trainer.State;
        foreach (int wait in new[] { 0, 1, 2 })
        {
            state.EvalMetrics = new Dictionary<string, double> { [monitor] = 0.5 };
            stopper.EvalEnd(state, state.Logger);
            Assert.Equal(wait, stopper.Wait);
        }
        Assert.True(state.StopTraining);
    }

    [Fact]
    public void ItsStateRoundTripsAndAMissingMetricIsNamed()
    {
        using var model = TrainingFixtures.Mlp(2, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(32, 32), Device = "cpu" });
        var state = trainer.State;
        var stopper = new EarlyStopper("loss", patience: 5);
        foreach (double value in new[] { 0.7, 0.8, 0.9 })
        {
            state.EvalMetrics = new Dictionary<string, double> { ["loss"] = value, ["accuracy"] = 0.5 };
            stopper.EvalEnd(state, state.Logger);
        }

        var restored = new EarlyStopper("loss", patience: 5);
        restored.LoadStateDict(stopper.StateDict());
        Assert.Equal(0.7, restored.Best);
        Assert.Equal(2, restored.Wait);

        var e = Assert.Throws<InvalidOperationException>(() => new EarlyStopper("f1").EvalEnd(state, state.Logger));
        Assert.Contains("'f1'", e.Message);
        Assert.Contains("accuracy", e.Message);
        Assert.Equal("patience", Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopper(patience: 0)).ParamName);
    }
}
