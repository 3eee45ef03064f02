using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class SchedulerTests
{
    [Fact]
    public void LinearWarmupThenLinearDecay()
    {
        var rates = RatesPerBatch(new LinearWithWarmupScheduler("2ba", alphaF: 0), "10ba");
        var expected = Enumerable.Range(0, 10).Select(t => t < 2 ? t / 2.0 : 1 - (t - 2) / 8.0);
        Assert.Equal(expected, rates, new Tolerance(1e-12));
    }

    [Fact]
    public void CosineAnnealingOverTheWholeDuration()
    {
        var rates = RatesPerBatch(new CosineAnnealingScheduler(), "10ba");
        var expected = Enumerable.Range(0, 10).Select(t => 0.5 * (1 + Math.Cos(Math.PI * t / 10)));
        Assert.Equal(expected, rates, new Tolerance(1e-12));
    }

    [Fact]
    public void CosineWithWarmupInEpochsOnAnEpochDuration()
    {
        // 4 batches per epoch, 3 epochs: warm-up over the first epoch, cosine over the other two.
        var rates = RatesPerBatch(new CosineAnnealingWithWarmupScheduler("1ep"), "3ep");
        var expected = Enumerable.Range(0, 12).Select(t => t < 4 ? t / 4.0 : 0.5 * (1 + Math.Cos(Math.PI * (t - 4) / 8.0)));
        Assert.Equal(expected, rates, new Tolerance(1e-12));
    }

    [Fact]
    public void CosineAnnealingOverAShorterHorizonThenHoldsItsFloor()
    {
        // Decay over the first 6 of 10 batches down to 0.1, then constant: a horizon read as the whole duration fails.
        var rates = RatesPerBatch(new CosineAnnealingScheduler("6ba", alphaF: 0.1), "10ba");
        var expected = Enumerable.Range(0, 10).Select(t => 0.1 + 0.9 * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(t, 6) / 6)));
        Assert.Equal(expected, rates, new Tolerance(1e-12));
    }

    [Fact]
    public void CosineWithWarmupEndsItsDecayAtTMax()
    {
        // Warm-up over 2 batches, decay from batch 2 to batch 8 down to 0.2, then constant.
        var rates = RatesPerBatch(new CosineAnnealingWithWarmupScheduler("2ba", tMax: "8ba", alphaF: 0.2), "10ba");
        var expected = Enumerable.Range(0, 10).Select(t => t < 2 ? t / 2.0 : 0.2 + 0.8 * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(t - 2, 6) / 6)));
        Assert.Equal(expected, rates, new Tolerance(1e-12));
    }

    [Fact]
    public void StepSchedulerMatchesTorchSharpsStepLR()
    {
        var ours = RatesPerBatch(new StepScheduler("3ba", gamma: 0.5), "10ba");
        var torchs = RatesPerBatch(optimizer => optim.lr_scheduler.StepLR(optimizer, 3, 0.5), "10ba");
        var expected = Enumerable.Range(0, 10).Select(t => Math.Pow(0.5, t / 3));
        Assert.Equal(expected, ours, new Tolerance(1e-12));
        Assert.Equal(expected, torchs, new Tolerance(1e-12));
    }

    [Fact]
    public void AStepSchedulerInDurationStepsAtFractionsOfTheRun()
    {
        // "0.25dur" of 8 batches: the rate halves every 2 batches (StepLR's whole units would read 0.25 of an epoch or batch).
        var rates = RatesPerBatch(new StepScheduler("0.25dur", gamma: 0.5), "8ba");
        Assert.Equal(Enumerable.Range(0, 8).Select(t => Math.Pow(0.5, t / 2)), rates, new Tolerance(1e-12));
    }

    [Theory]
    [InlineData("2ba")]
    [InlineData("4ba")]
    public void AWarmupThatEndsAtOrAfterTMaxGoesStraightToAlphaF(string tMax)
    {
        // Warm-up over 4 of 8 batches, the decay meant to end by then: nothing is left to decay, so alphaF from batch 4 on.
        var expected = Enumerable.Range(0, 8).Select(t => t < 4 ? t / 4.0 : 0.2);
        Assert.Equal(expected, RatesPerBatch(new LinearWithWarmupScheduler("4ba", alphaF: 0.2, tMax: tMax), "8ba"), new Tolerance(1e-12));
        Assert.Equal(expected, RatesPerBatch(new CosineAnnealingWithWarmupScheduler("4ba", tMax: tMax, alphaF: 0.2), "8ba"), new Tolerance(1e-12));
    }

    [Fact]
    public void ATorchSchedulerSteppedEveryEpochChangesTheRateAtEpochs()
    {
        // 4 batches per epoch: StepLR(1, 0.5) stepped once per epoch halves the rate at each epoch's first batch.
        var rates = RatesPerBatch(optimizer => new TorchScheduler(optim.lr_scheduler.StepLR(optimizer, 1, 0.5), stepEveryBatch: false), "3ep");
        Assert.Equal(Enumerable.Range(0, 12).Select(t => Math.Pow(0.5, t / 4)), rates, new Tolerance(1e-12));
    }

    [Fact]
    public void ATorchSchedulerReportsTheRateOfEveryParameterGroup()
    {
        using var model = TrainingFixtures.Mlp(0);
        var parameters = model.parameters().ToList();
        using var optimizer = optim.SGD([new TorchSharp.Modules.SGD.ParamGroup(parameters[..2], lr: 1.0), new TorchSharp.Modules.SGD.ParamGroup(parameters[2..], lr: 0.1)], 1.0);
        var rates = new List<double[]>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(16, 4),
            MaxDuration = "4ba",
            Schedulers = [new TorchScheduler(optim.lr_scheduler.StepLR(optimizer, 1, 0.5))],
            Device = "cpu",
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.AfterForward) { rates.Add([.. s.LearningRates]); } })],
        });
        trainer.Fit();
        Assert.Equal(Enumerable.Range(0, 4).Select(t => new[] { Math.Pow(0.5, t), 0.1 * Math.Pow(0.5, t) }), rates, new ArrayTolerance(1e-12));
    }

    /// <summary>
    /// Time-based schedulers scale each group's initial rate (TorchSharp's InitialLearningRate, the base its own schedulers
    /// scale too), not the rate it has when the trainer is built: a second trainer over an optimizer whose rate the first
    /// one's schedule decayed starts its schedule from the top again.
    /// </summary>
    [Fact]
    public void ASecondTrainerOverTheSameOptimizerSchedulesTheInitialRateNotTheDecayedOne()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 1.0);
        var expected = Enumerable.Range(0, 4).Select(t => 0.5 * (1 + Math.Cos(Math.PI * t / 4)));
        var first = RatesPerBatch(model, optimizer, new CosineAnnealingScheduler(), "4ba");
        Assert.Equal(expected, first, new Tolerance(1e-12));

        var group = optimizer.ParamGroups.Single();
        Assert.Equal(1.0, group.InitialLearningRate);
        Assert.Equal(first[^1], group.LearningRate, 12); // left at the last batch's rate, about 0.15

        Assert.Equal(expected, RatesPerBatch(model, optimizer, new CosineAnnealingScheduler(), "4ba"), new Tolerance(1e-12));
    }

    /// <summary>
    /// A group whose initial rate was never recorded (0: TorchSharp's optimizers set InitialLearningRate, an optimizer of
    /// the user's own may not) is scheduled from its learning rate; scaling the unrecorded 0 would train nothing.
    /// </summary>
    [Fact]
    public void AGroupWithoutAnInitialRateIsScheduledFromItsLearningRate()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = new PlainSgd(model.parameters(), 0.5);
        Assert.Equal(0, optimizer.ParamGroups.Single().InitialLearningRate);
        var rates = RatesPerBatch(model, optimizer, new CosineAnnealingScheduler(), "4ba");
        Assert.Equal(Enumerable.Range(0, 4).Select(t => 0.5 * 0.5 * (1 + Math.Cos(Math.PI * t / 4))), rates, new Tolerance(1e-12));
    }

    [Fact]
    public void EverySchedulerIsAStatefulOfTheTrainer()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 1.0);
        using var timeBased = NewTrainer(model, optimizer, [new CosineAnnealingScheduler(), new StepScheduler("2ba")]);
        Assert.Equal(["schedulers/0/CosineAnnealingScheduler", "schedulers/1/StepScheduler"], timeBased.State.Statefuls.Select(s => s.Name));
        Assert.Empty(timeBased.State.Schedulers[0].StateDict());

        var stepLR = new TorchScheduler(optim.lr_scheduler.StepLR(optimizer, 3, 0.5));
        using var torchs = NewTrainer(model, optimizer, [stepLR]);
        Assert.Equal(["schedulers/0/TorchScheduler(StepLR, every batch)"], torchs.State.Statefuls.Select(s => s.Name));
        // Stepped per epoch it is another state: a checkpoint of one is not loaded into the other.
        Assert.Equal("TorchScheduler(StepLR, every epoch)", new TorchScheduler(optim.lr_scheduler.StepLR(optimizer, 3, 0.5), stepEveryBatch: false).StateName);
        torchs.Fit();
        Assert.Equal(3, stepLR.Steps); // before each of the 4 batches' optimizer steps, as many steps as batches done
        Assert.Equal(3L, stepLR.StateDict()["steps"].item<long>());
    }

    [Fact]
    public void ATorchSchedulerThatAnotherTrainerSteppedIsRefused()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 1.0);
        var stepLR = new TorchScheduler(optim.lr_scheduler.StepLR(optimizer, 3, 0.5));
        using (var first = NewTrainer(model, optimizer, [stepLR]))
        {
            first.Fit();
        }

        var e = Assert.Throws<ArgumentException>(() => NewTrainer(model, optimizer, [stepLR]).Dispose());
        Assert.Equal("Schedulers", e.ParamName);
        Assert.Contains("Schedulers[0] wraps a StepLR that another trainer has already stepped 3 times", e.Message);
    }

    [Fact]
    public void ATorchSchedulerRefusesNullsAndGoingBack()
    {
        Assert.Throws<ArgumentNullException>("scheduler", () => new TorchScheduler(null!));
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 1.0);
        var stepLR = new TorchScheduler(optim.lr_scheduler.StepLR(optimizer, 1, 0.5));
        Assert.Throws<ArgumentNullException>("state", () => stepLR.LoadStateDict(null!));
        using (var five = tensor(5L)) stepLR.LoadStateDict(new Dictionary<string, Tensor> { ["steps"] = five });
        Assert.Equal(5, stepLR.Steps);
        Assert.Equal(1.0 / 32, optimizer.ParamGroups.First().LearningRate, 12);
        using var three = tensor(3L);
        var e = Assert.Throws<InvalidOperationException>(() => stepLR.LoadStateDict(new Dictionary<string, Tensor> { ["steps"] = three }));
        Assert.Equal("The StepLR has already taken 5 steps and cannot go back to 3.", e.Message);
        Assert.Equal(5, stepLR.Steps); // refused: nothing changed
    }

    [Theory]
    [InlineData("0ba")]
    [InlineData("-1ep")]
    [InlineData("x")]
    public void RejectsInvalidTimes(string time)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new StepScheduler(time));
        Assert.Equal("stepSize", e.ParamName);
        Assert.Contains(time, e.Message);
        Assert.Equal("tWarmup", Assert.ThrowsAny<ArgumentException>(() => new LinearWithWarmupScheduler(time)).ParamName);
    }

    [Fact]
    public void RejectsNegativeMultipliers()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CosineAnnealingScheduler(alphaF: -0.1));
        Assert.Equal("alphaF", e.ParamName);
    }

    private static List<double> RatesPerBatch(ComposerScheduler scheduler, string maxDuration) =>
        RatesPerBatch(_ => scheduler, maxDuration);

    private static Trainer NewTrainer(ComposerModel model, optim.Optimizer optimizer, IReadOnlyList<ComposerScheduler> schedulers) => new(new()
    {
        Model = model,
        Optimizer = optimizer,
        TrainLoader = TrainingFixtures.Batches(16, 4),
        MaxDuration = "4ba",
        Schedulers = schedulers,
        Device = "cpu",
    });

    private static List<double> RatesPerBatch(Func<optim.Optimizer, ComposerScheduler> scheduler, string maxDuration)
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 1.0);
        return RatesPerBatch(model, optimizer, scheduler(optimizer), maxDuration);
    }

    /// <summary>The first parameter group's learning rate at every batch of a run of <paramref name="maxDuration"/>, 4 batches an epoch.</summary>
    private static List<double> RatesPerBatch(ComposerModel model, optim.Optimizer optimizer, ComposerScheduler scheduler, string maxDuration)
    {
        var rates = new List<double>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(16, 4),
            MaxDuration = maxDuration,
            Schedulers = [scheduler],
            Device = "cpu",
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.AfterForward) { rates.Add(s.LearningRates[0]); } })],
        });
        trainer.Fit();
        return rates;
    }

    /// <summary>Plain SGD of the user's own: its parameter group leaves InitialLearningRate unset (0).</summary>
    private sealed class PlainSgd : TorchSharp.Modules.OptimizerHelper
    {
        public PlainSgd(IEnumerable<TorchSharp.Modules.Parameter> parameters, double lr)
        {
            _defaults = new TorchSharp.Modules.OptimizerOptions { LearningRate = lr };
            _parameter_groups = [new TorchSharp.Modules.ParamGroup { Parameters = parameters.ToList(), Options = new TorchSharp.Modules.OptimizerOptions { LearningRate = lr } }];
        }

        public override Tensor step(Func<Tensor>? closure = null) => _step<TorchSharp.Modules.ParamGroup>(group =>
        {
            foreach (var parameter in group.Parameters)
            {
                if (parameter.grad is { } grad)
                {
                    parameter.add_(grad, alpha: -group.LearningRate);
                }
            }
        }, closure);
    }

    private sealed class ArrayTolerance(double epsilon) : IEqualityComparer<double[]>
    {
        public bool Equals(double[]? x, double[]? y) => x!.Length == y!.Length && x.Zip(y).All(p => Math.Abs(p.First - p.Second) <= epsilon);

        public int GetHashCode(double[] obj) => 0;
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
