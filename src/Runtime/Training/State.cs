using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Everything the training loop knows, shared with callbacks and loggers at every <see cref="Event"/>
/// (Composer's <c>State</c>).
/// </summary>
public sealed class State
{
    private readonly IReadOnlyList<LoggerDestination> _loggers;
    private Dictionary<string, Tensor>? _batch;
    private Tensor? _outputs;
    private Tensor? _microBatchLoss;
    private Func<Tensor>? _recomputeGradients; // set by the trainer while the batch's gradients may be recomputed
    private Tensor? _lossTensor;
    private double? _loss; // lossTensor read back, once asked for
    private bool _lossReleasedUnread;

    internal State(TrainerOptions options, Device device, Time maxDuration, IReadOnlyList<ComposerScheduler> schedulers,
        IReadOnlyList<LoggerDestination> loggers, IReadOnlyList<Callback> callbacks, IReadOnlyList<Algorithm> algorithms)
    {
        Model = options.Model;
        Optimizer = options.Optimizer;
        TrainLoader = options.TrainLoader;
        EvalLoader = options.EvalLoader;
        Device = device;
        MaxDuration = maxDuration;
        Schedulers = schedulers;
        Seed = options.Seed;
        GradAccumSteps = options.GradAccumSteps;
        // Each loader adapted once: a foreign one read through the contract, batches that are not on the device moved there.
        TrainBatches = DeviceLoader.On(ForeignLoader<Dictionary<string, Tensor>>.Adapt(options.TrainLoader), device);
        EvalBatches = options.EvalLoader is null ? null : DeviceLoader.On(ForeignLoader<Dictionary<string, Tensor>>.Adapt(options.EvalLoader), device);
        BatchesPerEpoch = TrainBatches.Count;
        _loggers = loggers;
        Callbacks = callbacks;
        Algorithms = algorithms;
        Logger = new Logger(this, loggers);
    }

    /// <summary>The model being trained.</summary>
    public ComposerModel Model { get; }

    /// <summary>The optimizer over the model's parameters.</summary>
    public optim.Optimizer Optimizer { get; }

    /// <summary>The loader of training batches.</summary>
    public IEnumerable<Dictionary<string, Tensor>> TrainLoader { get; }

    /// <summary>The loader of evaluation batches, if any.</summary>
    public IEnumerable<Dictionary<string, Tensor>>? EvalLoader { get; }

    /// <summary><see cref="TrainLoader"/> as the trainer reads it: through the loader contract, its batches on <see cref="Device"/>.</summary>
    internal IDataLoader<Dictionary<string, Tensor>> TrainBatches { get; }

    /// <summary><see cref="EvalLoader"/> as the trainer reads it, if any.</summary>
    internal IDataLoader<Dictionary<string, Tensor>>? EvalBatches { get; }

    /// <summary>The device the model and batches live on.</summary>
    public Device Device { get; }

    /// <summary>How long <see cref="Trainer.Fit"/> trains.</summary>
    public Time MaxDuration { get; }

    /// <summary>The learning-rate schedulers, applied every batch.</summary>
    public IReadOnlyList<ComposerScheduler> Schedulers { get; }

    /// <summary>The callbacks, in the order they run (loggers are not among them).</summary>
    public IReadOnlyList<Callback> Callbacks { get; }

    /// <summary>The algorithms, in the order they run (before the callbacks at every event).</summary>
    public IReadOnlyList<Algorithm> Algorithms { get; }

    /// <summary>Where metrics go: the trainer's logger destinations, on the logging rank.</summary>
    public Logger Logger { get; }

    /// <summary>
    /// What checkpoints save beyond the model, optimizer and timestamp, each under a name unique in the trainer
    /// (its algorithms, callbacks and schedulers that implement <see cref="IStateful"/>), in the order they run.
    /// </summary>
    internal List<(string Name, IStateful Item)> Statefuls { get; } = [];

    /// <summary>
    /// The run's name (Composer's <c>run_name</c>): <see cref="TrainerOptions.RunName"/>, or the name of the run a
    /// checkpoint resumed, or one made up when training starts afresh. Checkpoints carry it in their file names and
    /// headers, so that a folder shared by several runs resumes each from its own.
    /// </summary>
    public string RunName { get; internal set; } = "";

    /// <summary>The seed the trainer set at construction.</summary>
    public int Seed { get; }

    /// <summary>Micro-batches per batch.</summary>
    public int GradAccumSteps { get; }

    /// <summary>
    /// Batches per epoch of the train loader on this rank when it knows (<see cref="IDataLoader{TBatch}.Count"/>; for a loader that
    /// does not implement it, its batch sampler's or sampler's count, or its own <c>Count</c>), otherwise null.
    /// </summary>
    public long? BatchesPerEpoch { get; }

    /// <summary>Where training is.</summary>
    public Timestamp Timestamp { get; internal set; }

    /// <summary>
    /// From a checkpoint of a job with another number of ranks (or of an epoch that was itself resumed so):
    /// where the interrupted epoch's global order stands, applied to the train loader's sampler when the epoch starts.
    /// </summary>
    internal Data.SamplerResumeState? PendingResume { get; set; }

    /// <summary>In an epoch resumed on a different number of ranks, <see cref="Timestamp"/>'s batch in epoch when it started; otherwise null.</summary>
    internal long? ResumedEpochStart { get; set; }

    /// <summary>
    /// The current batch, already on <see cref="Device"/>, from <see cref="Event.AfterDataloader"/> to
    /// <see cref="Event.BatchEnd"/>; from <see cref="Event.BeforeForward"/> to <see cref="Event.AfterBackward"/>, the
    /// current micro-batch (the whole batch when <see cref="GradAccumSteps"/> is 1). Algorithms replace it (never
    /// change the loader's tensors in place: a loader may yield them again); tensors made during a batch are freed
    /// when the batch ends.
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Dictionary<string, Tensor>? Batch
    {
        get => _batch;
        set => _batch = value ?? throw new ArgumentNullException(nameof(value), "Batch must not be set to null.");
    }

    /// <summary>The outputs of the current micro-batch's forward pass (from <see cref="Event.AfterForward"/>); algorithms may replace them before the loss.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Tensor? Outputs
    {
        get => _outputs;
        set => _outputs = value ?? throw new ArgumentNullException(nameof(value), "Outputs must not be set to null.");
    }

    /// <summary>
    /// The current micro-batch's mean loss, with its graph, from <see cref="Event.AfterLoss"/> to
    /// <see cref="Event.AfterBackward"/>. Algorithms may replace it at <see cref="Event.AfterLoss"/> or
    /// <see cref="Event.BeforeBackward"/> (MixUp mixes two losses); the trainer calls backward on the one it holds
    /// after <see cref="Event.BeforeBackward"/>, weighted by the micro-batch's share of the batch when there are several.
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Tensor? MicroBatchLoss
    {
        get => _microBatchLoss;
        set => _microBatchLoss = value ?? throw new ArgumentNullException(nameof(value), "MicroBatchLoss must not be set to null.");
    }

    /// <summary>
    /// The loss of the last batch (the mean over all its micro-batches); NaN before the first. Read from
    /// <see cref="LossTensor"/> the first time it is asked for after a batch, which makes the host wait
    /// for the device; the trainer itself reads it only when a logger is attached.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The trainer was disposed before the last batch's loss was read.</exception>
    public double Loss
    {
        get
        {
            if (_loss is { } value)
            {
                return value;
            }

            if (_lossTensor is null)
            {
                return _lossReleasedUnread
                    ? throw new ObjectDisposedException(nameof(Trainer), "The trainer was disposed before the last batch's loss was read from the device; read State.Loss before disposing it.")
                    : double.NaN;
            }

            value = _lossTensor.item<float>();
            _loss = value;
            return value;
        }
    }

    /// <summary>
    /// The loss of the last batch as a float32 scalar on <see cref="Device"/>, detached from the graph
    /// (null before the first batch): use it to compute on the loss without waiting for the device.
    /// The state owns it and disposes it when the next batch ends or the trainer is disposed; clone it to keep it.
    /// </summary>
    public Tensor? LossTensor => _lossTensor;

    /// <summary>The samples in the last batch.</summary>
    public long BatchSize { get; internal set; }

    /// <summary>The results of the last evaluation, such as <c>"loss"</c> and <c>"accuracy"</c>.</summary>
    public IReadOnlyDictionary<string, double> EvalMetrics { get; internal set; } = new Dictionary<string, double>();

    /// <summary>Set by a callback (early stopping, a time limit) to end <see cref="Trainer.Fit"/> after the current batch.</summary>
    public bool StopTraining { get; set; }

    /// <summary>Whether this process writes logs and checkpoints (rank 0 of the process group).</summary>
    public static bool IsLoggingRank => Composer.Distributed.Dist.Rank == 0;

    /// <summary>The learning rate of each of the optimizer's parameter groups.</summary>
    public IReadOnlyList<double> LearningRates => Optimizer.ParamGroups.Select(g => g.LearningRate).ToList();

    /// <summary>
    /// How much of <see cref="MaxDuration"/> is done, from 0 to 1; fractional within an epoch when the
    /// loader's length is known.
    /// </summary>
    public double Progress => ProgressAt(Timestamp);

    /// <summary>The fraction of <see cref="MaxDuration"/> done at <paramref name="timestamp"/>.</summary>
    internal double ProgressAt(Timestamp timestamp)
    {
        double done = MaxDuration.Unit switch
        {
            TimeUnit.Epoch => timestamp.Epoch + (BatchesPerEpoch is > 0 ? (double)timestamp.BatchInEpoch / BatchesPerEpoch.Value : 0),
            TimeUnit.Batch => timestamp.Batch,
            _ => timestamp.Sample,
        };
        return MaxDuration.Value == 0 ? 1 : Math.Min(1, done / MaxDuration.Value);
    }

    /// <summary>
    /// The elapsed training time in <paramref name="unit"/>: whole epochs, batches or samples, or the
    /// fraction of <see cref="MaxDuration"/> for <see cref="TimeUnit.Duration"/>.
    /// </summary>
    /// <param name="unit">The unit.</param>
    public double Elapsed(TimeUnit unit) => unit == TimeUnit.Duration ? Progress : Timestamp.Get(unit);

    /// <summary>
    /// <paramref name="time"/> as a fraction of <see cref="MaxDuration"/>, so that times in different units
    /// compare (epochs and batches convert through the train loader's length).
    /// </summary>
    /// <param name="time">The time.</param>
    /// <exception cref="InvalidOperationException">The units cannot be converted (samples against epochs or
    /// batches, or epochs against batches when the loader's length is unknown).</exception>
    public double FractionOfMaxDuration(Time time)
    {
        if (time.Unit == TimeUnit.Duration)
        {
            return time.Value;
        }

        double inMaxUnit = (time.Unit, MaxDuration.Unit) switch
        {
            var (a, b) when a == b => time.Value,
            (TimeUnit.Epoch, TimeUnit.Batch) when BatchesPerEpoch is > 0 => time.Value * BatchesPerEpoch.Value,
            (TimeUnit.Batch, TimeUnit.Epoch) when BatchesPerEpoch is > 0 => time.Value / BatchesPerEpoch.Value,
            _ => throw new InvalidOperationException(
                $"Cannot express {time} in the unit of MaxDuration ({MaxDuration}): use the same unit or \"dur\"."),
        };
        return MaxDuration.Value == 0 ? 1 : inMaxUnit / MaxDuration.Value;
    }

    /// <summary>Sends metrics to every logger (on the logging rank only); the same as <see cref="Logger"/>'s <see cref="Logger.LogMetrics"/>.</summary>
    /// <param name="metrics">Metric values by name, such as <c>"loss/train"</c>.</param>
    public void Log(IReadOnlyDictionary<string, double> metrics) => Logger.LogMetrics(metrics);

    /// <summary>
    /// The random numbers of the current batch for <paramref name="stream"/>: a generator seeded from <see cref="Seed"/>,
    /// the stream's name, the epoch and the batch's index in the epoch alone, so that a run resumed mid-epoch draws what
    /// the uninterrupted run drew without a generator's state in the checkpoint. Every rank draws the same numbers.
    /// Augmenting algorithms (MixUp, CutMix, CutOut) draw from it at <see cref="Event.AfterDataloader"/>.
    /// </summary>
    /// <param name="stream">The algorithm's name, so that two algorithms draw different numbers.</param>
    public Data.SampleRandom BatchRandom(string stream)
    {
        Check.NotEmpty(stream);
        uint hash = 2166136261; // FNV-1a: stable across processes and .NET versions, unlike string.GetHashCode
        foreach (char c in stream)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return new Data.SampleRandom(unchecked(Seed ^ (int)hash), Timestamp.Epoch, Timestamp.BatchInEpoch);
    }

    /// <summary>
    /// Zeroes the gradients and runs the current batch's forward, loss and backward passes again at the model's current
    /// weights, every micro-batch with its events, then averages the gradients across ranks: the closure an optimizer
    /// such as SAM needs. Only at <see cref="Event.AfterTrainBatch"/>.
    /// </summary>
    /// <returns>The batch's mean loss at the current weights, detached (freed when the batch ends).</returns>
    /// <exception cref="InvalidOperationException">Called at another event.</exception>
    public Tensor RecomputeGradients() =>
        (_recomputeGradients ?? throw new InvalidOperationException("RecomputeGradients can only be called at Event.AfterTrainBatch."))();

    /// <summary>Allows <see cref="RecomputeGradients"/> (with the trainer's pass) or forbids it again (null).</summary>
    internal void AllowRecompute(Func<Tensor>? pass) => _recomputeGradients = pass;

    /// <summary>Clears the batch, outputs and micro-batch loss when a batch ends.</summary>
    internal void EndBatch()
    {
        _batch = null;
        _outputs = null;
        _microBatchLoss = null;
    }

    internal IReadOnlyList<LoggerDestination> Loggers => _loggers;

    /// <summary>Takes <paramref name="value"/> (a scalar on the device, owned from now on) as the last batch's loss and disposes the one it replaces.</summary>
    internal void SetLoss(Tensor value)
    {
        var replaced = _lossTensor;
        _lossTensor = value;
        _loss = null;
        replaced?.Dispose();
    }

    /// <summary>Disposes the last loss's tensor; a value already read stays readable.</summary>
    internal void ReleaseLoss()
    {
        _lossReleasedUnread = _lossTensor is not null && _loss is null;
        _lossTensor?.Dispose();
        _lossTensor = null;
    }
}
