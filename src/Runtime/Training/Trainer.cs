using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Trains a <see cref="ComposerModel"/> (MosaicML Composer's trainer over TorchSharp): a short loop that
/// fires <see cref="Event"/>s; logging, checkpoints and monitors are callbacks. Sets the train loader's
/// epoch at the start of every epoch, accumulates gradients over micro-batches, clips, schedules the
/// learning rate by training time, and resumes exactly (mid-epoch included) from its checkpoints.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly TrainerOptions _options;
    private readonly Time _evalInterval;
    private readonly EventDispatch _events;
    private readonly double[] _initialRates;
    private readonly Func<Tensor> _recomputeGradients;
    private long? _lastEvalBatch; // the batch count at the last evaluation: the weights change only with batches
    private long _batchSize;
    private bool _disposed;
    private GradientAllReducer? _gradientAllReducer; // only when Dist.WorldSize > 1

    /// <summary>Builds a trainer: checks the options, seeds torch, moves the model to the device and loads <see cref="TrainerOptions.LoadPath"/>.</summary>
    /// <param name="options">What to train and how.</param>
    /// <exception cref="ArgumentException">An option is missing or invalid (the message names it and its value), or the checkpoint cannot be loaded.</exception>
    public Trainer(TrainerOptions options)
    {
        _options = Check.NotNull(options);
        Check.NotNull(options.Model, nameof(options.Model));
        Check.NotNull(options.Optimizer, nameof(options.Optimizer));
        Check.NotNull(options.TrainLoader, nameof(options.TrainLoader));
        Check.NotNull(options.Schedulers, nameof(options.Schedulers));
        Check.NotNull(options.Callbacks, nameof(options.Callbacks));
        Check.NotNull(options.Loggers, nameof(options.Loggers));
        var algorithms = Check.NoNulls(options.Algorithms, nameof(options.Algorithms));

        var maxDuration = Time.Parse(options.MaxDuration, nameof(options.MaxDuration));
        if (maxDuration.Unit == TimeUnit.Duration)
        {
            throw new ArgumentException($"MaxDuration must be in ep, ba or sp; '{options.MaxDuration}' is relative to itself.", nameof(options.MaxDuration));
        }

        if (maxDuration.Value <= 0)
        {
            throw new ArgumentException($"MaxDuration must be longer than zero, not '{options.MaxDuration}'.", nameof(options.MaxDuration));
        }

        _evalInterval = Interval.Parse(options.EvalInterval, nameof(options.EvalInterval));
        Check.AtLeast(options.GradAccumSteps, 1, nameof(options.GradAccumSteps));
        if (options.ClipGradNorm is { } clip)
        {
            Check.Positive(clip, nameof(options.ClipGradNorm));
        }

        Check.NoNulls(options.Schedulers, nameof(options.Schedulers));

        if (options.Schedulers.Any(s => s.SetsRatesItself) && options.Schedulers.Count > 1)
        {
            throw new ArgumentException(
                $"Schedulers mixes a TorchSharp scheduler, which sets the learning rate itself, with others ({string.Join(", ", options.Schedulers.Select(s => s.GetType().Name))}); use one TorchSharp scheduler or only time-based ones.",
                nameof(options.Schedulers));
        }

        for (int i = 0; i < options.Schedulers.Count; i++)
        {
            options.Schedulers[i].EnsureUnused(nameof(options.Schedulers), i);
        }

        var device = DeviceOption.Resolve(options.Device, nameof(options.Device));
        string runName = options.RunName is { } name ? RunName.Check(name, nameof(options.RunName)) : RunName.New();
        if (options.SaveNumCheckpointsToKeep is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(options.SaveNumCheckpointsToKeep), options.SaveNumCheckpointsToKeep,
                $"SaveNumCheckpointsToKeep must be -1 (keep all) or at least 1, not {options.SaveNumCheckpointsToKeep}.");
        }

        var callbacks = options.Callbacks.Where(c => c is not null).ToList();
        if (options.SaveFolder is { } folder)
        {
            callbacks.Add(new CheckpointSaver(folder, options.SaveInterval, options.SaveNumCheckpointsToKeep));
        }
        else
        {
            Interval.Parse(options.SaveInterval, nameof(options.SaveInterval));
        }

        var loggers = options.Loggers.Where(l => l is not null).ToList();
        State = new State(options, device, maxDuration, options.Schedulers, loggers, callbacks, algorithms) { RunName = runName };
        _events = new EventDispatch(algorithms, callbacks, loggers);
        if (State.EvalBatches is { } evalLoader)
        {
            EvalLoaderCheck.EnsureSeesEverySample(evalLoader, nameof(options.EvalLoader));
        }

        _initialRates = options.Optimizer.ParamGroups.Select(g => g.InitialLearningRate > 0 ? g.InitialLearningRate : g.LearningRate).ToArray();
        _recomputeGradients = RecomputeGradients;

        Reproducibility.SeedAll(options.Seed);
        if (device.type != DeviceType.CPU)
        {
            options.Model.to(device);
        }

        RegisterStatefuls(algorithms, callbacks, loggers);
        Fire(Event.Init);

        if (options.LoadPath is { } loadPath)
        {
            string path;
            try
            {
                path = Checkpoint.Resolve(loadPath, options.RunName);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"LoadPath '{loadPath}': {e.Message}", nameof(options.LoadPath), e);
            }

            var loaded = Checkpoint.Load(path, State, nameof(options.LoadPath));
            if (options.RunName is null && loaded.RunName.Length > 0)
            {
                State.RunName = loaded.RunName; // a resumed run goes on under its own name
            }
        }
    }

    /// <summary>The training state shared with callbacks.</summary>
    public State State { get; }

    /// <summary>Trains until <see cref="TrainerOptions.MaxDuration"/> (from the loaded checkpoint's timestamp, if any) or until a callback sets <see cref="State.StopTraining"/>.</summary>
    public void Fit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        State.StopTraining = false;
        StartDataParallel();
        Fire(Event.FitStart);
        while (!Done)
        {
            TrainEpoch();
        }

        if (State.EvalLoader is not null && _lastEvalBatch != State.Timestamp.Batch) // not again when the last batch's end evaluated
        {
            Eval();
        }

        Fire(Event.FitEnd);
    }

    /// <summary>Evaluates the model on <see cref="TrainerOptions.EvalLoader"/>: the mean loss and the model's metrics over every sample.</summary>
    /// <returns>Metric values by name: <c>"loss"</c> and the model's (such as <c>"accuracy"</c>).</returns>
    /// <exception cref="InvalidOperationException">The trainer has no eval loader.</exception>
    public IReadOnlyDictionary<string, double> Eval()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var loader = State.EvalBatches ?? throw new InvalidOperationException("The trainer has no EvalLoader to evaluate on.");
        Fire(Event.EvalStart);
        var sums = new Dictionary<string, (double Sum, long Count)>();
        var model = State.Model;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var replays = ReplayGuard.AllowReplays(); // the same order at every evaluation is no bug: the metrics do not depend on it
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                long size = SampleCount(batch);
                var outputs = model.Forward(batch);
                double loss = model.Loss(outputs, batch).item<float>();
                Add(sums, new MetricSum("loss", loss * size, size));
                foreach (var metric in model.EvalMetrics(outputs, batch))
                {
                    Add(sums, metric);
                }
            }
        }
        finally
        {
            model.train();
        }

        var metrics = sums.ToDictionary(m => m.Key, m => m.Value.Count == 0 ? double.NaN : m.Value.Sum / m.Value.Count);
        State.EvalMetrics = metrics;
        _lastEvalBatch = State.Timestamp.Batch;
        if (State.Logger.IsActive)
        {
            State.Log(metrics.ToDictionary(m => "metrics/eval/" + m.Key, m => m.Value));
        }

        Fire(Event.EvalEnd);
        return metrics;

        static void Add(Dictionary<string, (double Sum, long Count)> sums, MetricSum metric)
        {
            var (sum, count) = sums.GetValueOrDefault(metric.Name);
            sums[metric.Name] = (sum + metric.Sum, count + metric.Count);
        }
    }

    /// <summary>Writes a checkpoint of the current state to <paramref name="path"/> (atomically: the old file stays whole until the new one is).</summary>
    /// <param name="path">The file.</param>
    public void SaveCheckpoint(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Check.NotEmpty(path);
        Checkpoint.Save(path, State);
    }

    /// <summary>
    /// Closes every callback and logger (<see cref="Callback.Close"/>: files are flushed and closed) and releases what
    /// the trainer created: the data-parallel machinery and the last loss. Callbacks, loggers, algorithms, the model,
    /// optimizer and loaders belong to the caller, who disposes them.
    /// </summary>
    /// <exception cref="AggregateException">Closing callbacks or loggers failed (all were closed before).</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        StopDataParallel();
        State.ReleaseLoss();
        var failures = new List<Exception>();
        foreach (var callback in State.Callbacks.Concat(State.Loggers))
        {
            try
            {
                callback.Close(State, State.Logger);
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Closing the trainer's callbacks and loggers failed.", failures);
        }
    }

    private bool Done
    {
        get
        {
            if (State.StopTraining)
            {
                return true;
            }

            var max = State.MaxDuration;
            var now = State.Timestamp;
            return max.Unit switch
            {
                TimeUnit.Epoch => now.Epoch >= max.Value,
                TimeUnit.Batch => now.Batch >= max.Value,
                _ => now.Sample >= max.Value,
            };
        }
    }

    private void TrainEpoch()
    {
        var loader = State.TrainBatches;
        loader.SetEpoch(State.Timestamp.Epoch);
        long resumeAt = State.Timestamp.BatchInEpoch;
        long? resumedBatches = null; // batches of an epoch resumed on a different number of ranks
        State.ResumedEpochStart = null;
        if (State.PendingResume is { } pending)
        {
            // Another number of ranks: the interrupted epoch's unconsumed rest, re-dealt to this job's ranks, from its first batch.
            // A loader without an elastic sampler can only skip the batches, as with the same number of ranks.
            State.PendingResume = null;
            if (ElasticLoader.Find(loader) is { } elastic)
            {
                elastic.Sampler.Resume(pending with { Epoch = State.Timestamp.Epoch });
                State.ResumedEpochStart = resumeAt;
                resumedBatches = loader.Count;
                resumeAt = 0;
            }
        }

        Fire(Event.EpochStart);
        State.Model.train(); // once per epoch, not per batch: evaluation sets it back when it is done
        bool exhausted = false;
        using (var batches = loader.IterateFrom(resumeAt).GetEnumerator())
        {
            while (!Done)
            {
                if (!batches.MoveNext())
                {
                    exhausted = true;
                    break;
                }

                TrainBatch(batches.Current);
            }
        }

        // A loader that says how long it is needs no extra batch fetched to know the epoch is over.
        exhausted |= resumedBatches is { } rest
            ? State.Timestamp.BatchInEpoch - State.ResumedEpochStart >= rest
            : State.BatchesPerEpoch is { } count && State.Timestamp.BatchInEpoch >= count;
        if (!exhausted)
        {
            return;
        }

        if (State.Timestamp.BatchInEpoch == 0)
        {
            throw new InvalidOperationException($"TrainLoader yielded no batches in epoch {State.Timestamp.Epoch}.");
        }

        State.Timestamp = State.Timestamp.AfterEpoch();
        Fire(Event.EpochEnd);
        if (State.EvalLoader is not null && Interval.Reached(_evalInterval, Event.EpochEnd, State, State.Timestamp))
        {
            Eval();
        }
    }

    private void TrainBatch(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        var before = State.Timestamp;
        State.Batch = batch;
        Fire(Event.AfterDataloader);
        long size = SampleCount(State.Batch);
        State.BatchSize = size;
        Fire(Event.BatchStart);

        ApplySchedulers();
        State.Optimizer.zero_grad();
        _batchSize = size;
        var loss = ForwardBackward(State.Batch, size);
        SynchronizeGradients();
        if (_events.Any(Event.AfterTrainBatch))
        {
            State.AllowRecompute(_recomputeGradients);
            try
            {
                Fire(Event.AfterTrainBatch);
            }
            finally
            {
                State.AllowRecompute(null);
            }
        }

        if (_options.ClipGradNorm is { } maxNorm)
        {
            nn.utils.clip_grad_norm_(State.Model.parameters(), maxNorm);
        }

        State.Optimizer.step();
        State.SetLoss((loss.dtype == ScalarType.Float32 ? loss : loss.to(ScalarType.Float32)).DetachFromDisposeScope());
        State.Timestamp = State.Timestamp.AfterBatch(size);
        if (State.Logger.IsActive)
        {
            State.Log(new Dictionary<string, double> { ["loss/train"] = State.Loss });
        }

        Fire(Event.BatchEnd);
        State.EndBatch();
        if (State.EvalLoader is not null && Interval.Reached(_evalInterval, Event.BatchEnd, State, before))
        {
            Eval();
        }
    }

    /// <summary>
    /// The forward, loss and backward passes of every micro-batch of <paramref name="batch"/>; returns the batch's mean
    /// loss, detached. <see cref="State.Batch"/> is <paramref name="batch"/> again afterwards.
    /// </summary>
    private Tensor ForwardBackward(Dictionary<string, Tensor> batch, long size)
    {
        int parts = (int)Math.Min(_options.GradAccumSteps, size);
        Tensor loss;
        if (parts <= 1)
        {
            loss = MicroBatch(batch, weight: null); // the whole batch: no scaling, no sum
        }
        else
        {
            // Weighting each micro-batch's mean loss by its share of the batch makes the summed
            // gradients equal to those of the whole batch's mean loss.
            Tensor? total = null;
            foreach (var (micro, microSize) in MicroBatches(batch, size, parts))
            {
                var part = MicroBatch(micro, (double)microSize / size);
                total = total is null ? part : total + part; // summed where it was computed: no wait for the device
            }

            loss = total!;
        }

        State.Batch = batch;
        return loss;
    }

    private Tensor MicroBatch(Dictionary<string, Tensor> micro, double? weight)
    {
        var model = State.Model;
        State.Batch = micro;
        Fire(Event.BeforeForward);
        State.Outputs = model.Forward(State.Batch);
        Fire(Event.AfterForward);
        Fire(Event.BeforeLoss);
        State.MicroBatchLoss = model.Loss(State.Outputs, State.Batch);
        Fire(Event.AfterLoss);
        Fire(Event.BeforeBackward);
        var loss = State.MicroBatchLoss;
        if (weight is { } share)
        {
            loss = loss * share;
        }

        loss.backward();
        Fire(Event.AfterBackward);
        return loss.detach();
    }

    /// <summary>The closure behind <see cref="State.RecomputeGradients"/>: the current batch's gradients again, at the current weights.</summary>
    private Tensor RecomputeGradients()
    {
        var batch = State.Batch!;
        State.Optimizer.zero_grad();
        var loss = ForwardBackward(batch, _batchSize);
        SynchronizeGradients();
        return loss;
    }

    /// <summary>Steps every scheduler, the same way, and sets each parameter group's rate to what they make of its initial rate.</summary>
    private void ApplySchedulers()
    {
        if (State.Schedulers.Count == 0)
        {
            return;
        }

        var rates = (double[])_initialRates.Clone();
        foreach (var scheduler in State.Schedulers)
        {
            scheduler.Step(State, rates);
        }

        int i = 0;
        foreach (var group in State.Optimizer.ParamGroups)
        {
            group.LearningRate = rates[i++];
        }
    }

    private static IEnumerable<(Dictionary<string, Tensor> Batch, long Size)> MicroBatches(Dictionary<string, Tensor> batch, long size, int parts)
    {
        // Micro-batches of sizes as equal as possible (the first ones one larger), as torch.tensor_split does.
        long start = 0;
        for (int part = 0; part < parts; part++)
        {
            long length = size / parts + (part < size % parts ? 1 : 0);
            var micro = new Dictionary<string, Tensor>(batch.Count);
            foreach (var (key, tensor) in batch)
            {
                micro[key] = tensor.dim() > 0 && tensor.shape[0] == size ? tensor.narrow(0, start, length) : tensor;
            }

            start += length;
            yield return (micro, length);
        }
    }

    private static long SampleCount(Dictionary<string, Tensor> batch)
    {
        foreach (var tensor in batch.Values)
        {
            if (tensor.dim() > 0)
            {
                return tensor.size(0);
            }
        }

        throw new InvalidOperationException($"A batch has no tensor with a sample dimension (columns: {string.Join(", ", batch.Keys)}).");
    }

    private void Fire(Event e) => _events.Fire(e, State);

    /// <summary>
    /// Lists the schedulers, algorithms, callbacks and loggers whose state checkpoints carry (<see cref="State.Statefuls"/>),
    /// under names stable across runs; before a checkpoint is loaded, which checks that they match.
    /// </summary>
    private void RegisterStatefuls(IReadOnlyList<Algorithm> algorithms, IReadOnlyList<Callback> callbacks, IReadOnlyList<LoggerDestination> loggers)
    {
        for (int i = 0; i < State.Schedulers.Count; i++)
        {
            State.Statefuls.Add(($"schedulers/{i}/{State.Schedulers[i].StateName}", State.Schedulers[i]));
        }

        Add("algorithms", algorithms);
        Add("callbacks", callbacks);
        Add("loggers", loggers);

        void Add<T>(string kind, IReadOnlyList<T> items)
        {
            for (int i = 0; i < items.Count; i++)
            {
                if (items[i] is IStateful stateful)
                {
                    State.Statefuls.Add(($"{kind}/{i}/{items[i]!.GetType().Name}", stateful));
                }
            }
        }
    }

    // Data parallelism: one process per rank, weights broadcast from rank 0 at the start and gradients
    // averaged across ranks after every batch's last backward, before clipping and the optimizer step.
    private void StartDataParallel()
    {
        if (Dist.WorldSize > 1 && _gradientAllReducer is null)
        {
            TrainLoaderCheck.EnsureRanksAgree(State.TrainBatches, State.BatchesPerEpoch, nameof(TrainerOptions.TrainLoader));
            _gradientAllReducer = new GradientAllReducer(State.Model);
            _gradientAllReducer.BroadcastParameters(root: 0);
        }
    }

    private void SynchronizeGradients() => _gradientAllReducer?.AverageGradients();

    private void StopDataParallel()
    {
        _gradientAllReducer?.Dispose();
        _gradientAllReducer = null;
    }
}
