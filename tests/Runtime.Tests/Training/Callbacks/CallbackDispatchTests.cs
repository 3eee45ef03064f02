using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class CallbackDispatchTests
{
    [Fact]
    public void EventsComeInComposersOrderWithAlgorithmsBeforeCallbacks()
    {
        var order = new List<string>();
        var everyMethod = new EveryMethod();
        using var model = TrainingFixtures.Mlp(1, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(32), batchSize: 32, disposeDataset: true);
        var everyEvent = Enum.GetValues<Event>();
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(32, 32),
            EvalLoader = eval,
            GradAccumSteps = 2,
            Device = "cpu",
            Algorithms = [new RecordingAlgorithm(everyEvent, e => order.Add("algorithm " + e))],
            Callbacks = [new RecordingCallback((e, _) => order.Add(e.ToString())), everyMethod],
        }))
        {
            trainer.Fit();
        }

        string[] micro = ["BeforeForward", "AfterForward", "BeforeLoss", "AfterLoss", "BeforeBackward", "AfterBackward"];
        string[] expected = ["Init", "FitStart", "EpochStart", "AfterDataloader", "BatchStart", .. micro, .. micro, "AfterTrainBatch", "BatchEnd",
            "EpochEnd", "EvalStart", "EvalEnd", "FitEnd"];
        Assert.Equal(expected.SelectMany(e => new[] { "algorithm " + e, e }), order);
        Assert.Equal(expected, everyMethod.Ran); // a callback overriding the per-event methods gets each at its event
    }

    /// <summary>Overrides every per-event method, as a user's callback does, and records which ran.</summary>
    private sealed class EveryMethod : Callback
    {
        public List<string> Ran { get; } = [];
        public override void Init(State state, Logger logger) => Ran.Add("Init");
        public override void FitStart(State state, Logger logger) => Ran.Add("FitStart");
        public override void EpochStart(State state, Logger logger) => Ran.Add("EpochStart");
        public override void AfterDataloader(State state, Logger logger) => Ran.Add("AfterDataloader");
        public override void BatchStart(State state, Logger logger) => Ran.Add("BatchStart");
        public override void BeforeForward(State state, Logger logger) => Ran.Add("BeforeForward");
        public override void AfterForward(State state, Logger logger) => Ran.Add("AfterForward");
        public override void BeforeLoss(State state, Logger logger) => Ran.Add("BeforeLoss");
        public override void AfterLoss(State state, Logger logger) => Ran.Add("AfterLoss");
        public override void BeforeBackward(State state, Logger logger) => Ran.Add("BeforeBackward");
        public override void AfterBackward(State state, Logger logger) => Ran.Add("AfterBackward");
        public override void AfterTrainBatch(State state, Logger logger) => Ran.Add("AfterTrainBatch");
        public override void BatchEnd(State state, Logger logger) => Ran.Add("BatchEnd");
        public override void EpochEnd(State state, Logger logger) => Ran.Add("EpochEnd");
        public override void EvalStart(State state, Logger logger) => Ran.Add("EvalStart");
        public override void EvalEnd(State state, Logger logger) => Ran.Add("EvalEnd");
        public override void FitEnd(State state, Logger logger) => Ran.Add("FitEnd");
    }

    [Fact]
    public void PerEventMethodsRunAtTheirEventsAndRunStillWorks()
    {
        var perEvent = new EpochCounter();
        var legacy = new LegacyCallback();
        using var model = TrainingFixtures.Mlp(1, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(64, 32),
            MaxDuration = "3ep",
            Device = "cpu",
            Callbacks = [perEvent, legacy],
        }))
        {
            trainer.Fit();
        }

        Assert.Equal(3, perEvent.EpochStarts);
        Assert.Equal(3, perEvent.EpochEnds);
        // Overriding Run: every event, and base.Run still dispatches to the per-event methods.
        Assert.Equal(6, legacy.Events.Count(e => e == Event.BatchEnd));
        Assert.Equal(6, legacy.BatchEnds);
        Assert.Contains(Event.Init, legacy.Events);
        Assert.Contains(Event.AfterTrainBatch, legacy.Events);
    }

    [Fact]
    public void NobodyActingOnAnEventMeansNothingRunsThere()
    {
        var dispatch = new EventDispatch([new LabelSmoothing()], [new EpochCounter(), new LRMonitor()], [new JsonLinesLogger(Path.Combine(TrainingFixtures.TempFolder(), "m.jsonl"))]);
        Assert.False(dispatch.Any(Event.BeforeForward));
        Assert.False(dispatch.Any(Event.AfterTrainBatch));
        Assert.True(dispatch.Any(Event.BeforeLoss)); // label smoothing
        Assert.True(dispatch.Any(Event.EpochStart)); // the counter
        Assert.True(dispatch.Any(Event.BatchEnd)); // the LR monitor
        Assert.True(dispatch.Any(Event.FitEnd)); // the logger flushes
    }

    [Fact]
    public void DisposingTheTrainerClosesCallbacksAndLoggersButDisposesNoneOfThem()
    {
        var callback = new DisposableCallback();
        var logger = new DisposableLogger();
        using var model = TrainingFixtures.Mlp(1, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(32, 32),
            Device = "cpu",
            Callbacks = [callback],
            Loggers = [logger],
        });
        trainer.Fit();
        trainer.Dispose();
        trainer.Dispose();

        Assert.Equal(1, callback.Closed);
        Assert.Equal(1, logger.Closed);
        Assert.False(callback.Disposed);
        Assert.False(logger.Disposed);
    }

    [Fact]
    public void FailuresToCloseAreThrownTogetherOnceEveryCallbackAndLoggerIsClosed()
    {
        var first = new InvalidOperationException("first callback's file is gone");
        var second = new IOException("second callback's disk is full");
        var callback = new DisposableCallback();
        var logger = new DisposableLogger();
        using var model = TrainingFixtures.Mlp(1, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(32, 32),
            Device = "cpu",
            Callbacks = [new FailingToClose(first), callback, new FailingToClose(second)],
            Loggers = [logger],
        });
        trainer.Fit();

        var e = Assert.Throws<AggregateException>(trainer.Dispose);
        Assert.StartsWith("Closing the trainer's callbacks and loggers failed.", e.Message);
        Assert.Equal<Exception>([first, second], e.InnerExceptions); // every failure, in the order of the callbacks
        Assert.Equal(1, callback.Closed); // those after a failure were closed all the same
        Assert.Equal(1, logger.Closed);

        trainer.Dispose(); // disposed even so: nothing is closed twice
        Assert.Equal(1, callback.Closed);
        Assert.Equal(1, logger.Closed);
    }

    /// <summary>
    /// The batch, its outputs and its micro-batch loss belong to one batch (their tensors are freed with it): once it
    /// ends they are cleared, so callbacks after it (at EpochEnd, FitEnd) see none rather than the last batch's.
    /// </summary>
    [Fact]
    public void TheBatchItsOutputsAndItsLossAreClearedWhenTheBatchEnds()
    {
        var seen = new List<(Event Event, bool Batch, bool Outputs, bool MicroBatchLoss)>();
        using var model = TrainingFixtures.Mlp(1, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(64, 32),
            Device = "cpu",
            Callbacks = [new RecordingCallback((e, s) =>
            {
                if (e is Event.BatchEnd or Event.EpochEnd or Event.FitEnd)
                {
                    seen.Add((e, s.Batch is not null, s.Outputs is not null, s.MicroBatchLoss is not null));
                }
            })],
        });
        trainer.Fit();

        Assert.Equal([(Event.BatchEnd, true, true, true), (Event.BatchEnd, true, true, true), (Event.EpochEnd, false, false, false), (Event.FitEnd, false, false, false)], seen);
        Assert.Null(trainer.State.Batch);
        Assert.Null(trainer.State.Outputs);
        Assert.Null(trainer.State.MicroBatchLoss);
    }

    [Fact]
    public void StatefulAlgorithmsCallbacksAndLoggersAreRegisteredUnderStableNames()
    {
        using var model = TrainingFixtures.Mlp(1, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var ema = new EMA();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(32, 32),
            Device = "cpu",
            Algorithms = [new MixUp(), ema],
            Callbacks = [new LRMonitor(), new EarlyStopper(), new SpeedMonitor()],
            Loggers = [new RecordingLogger()],
        });

        Assert.Equal(["algorithms/1/EMA", "callbacks/1/EarlyStopper", "callbacks/2/SpeedMonitor"], trainer.State.Statefuls.Select(s => s.Name));
    }

    [Fact]
    public void ANullAlgorithmIsRefusedByName()
    {
        using var model = TrainingFixtures.Mlp(1, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(32, 32),
            Algorithms = [new MixUp(), null!],
        }));
        Assert.Equal("Algorithms", e.ParamName);
        Assert.Contains("element 1", e.Message);
    }

    private sealed class RecordingAlgorithm(IReadOnlyCollection<Event> events, Action<Event> action) : Algorithm
    {
        public override IReadOnlyCollection<Event> Events => events;

        public override void Apply(Event e, State state, Logger logger) => action(e);
    }

    private sealed class EpochCounter : Callback
    {
        public int EpochStarts { get; private set; }
        public int EpochEnds { get; private set; }

        public override void EpochStart(State state, Logger logger) => EpochStarts++;

        public override void EpochEnd(State state, Logger logger) => EpochEnds++;
    }

    private sealed class LegacyCallback : Callback
    {
        public List<Event> Events { get; } = [];
        public int BatchEnds { get; private set; }

        public override void Run(Event e, State state)
        {
            Events.Add(e);
            base.Run(e, state);
        }

        public override void BatchEnd(State state, Logger logger) => BatchEnds++;
    }

    private sealed class DisposableCallback : Callback, IDisposable
    {
        public int Closed { get; private set; }
        public bool Disposed { get; private set; }

        public override void Close(State state, Logger logger) => Closed++;

        public void Dispose() => Disposed = true;
    }

    private sealed class FailingToClose(Exception failure) : Callback
    {
        public override void Close(State state, Logger logger) => throw failure;
    }

    private sealed class DisposableLogger : LoggerDestination, IDisposable
    {
        public int Closed { get; private set; }
        public bool Disposed { get; private set; }

        public override void LogMetrics(IReadOnlyDictionary<string, double> metrics, State state)
        {
        }

        public override void Close(State state, Logger logger) => Closed++;

        public void Dispose() => Disposed = true;
    }
}
