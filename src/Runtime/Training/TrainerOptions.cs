using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// What a <see cref="Trainer"/> trains and how (Composer's <c>Trainer(...)</c> arguments). Times are
/// strings in Composer's notation: <c>"3ep"</c>, <c>"500ba"</c>, <c>"20000sp"</c>, <c>"0.5dur"</c>.
/// </summary>
public sealed class TrainerOptions
{
    /// <summary>The model to train.</summary>
    public required ComposerModel Model { get; init; }

    /// <summary>The optimizer, built over <c>Model.parameters()</c>.</summary>
    public required optim.Optimizer Optimizer { get; init; }

    /// <summary>The training batches. The trainer sets its epoch (<c>Epochs.SetEpoch</c>) at the start of every epoch.</summary>
    public required IEnumerable<Dictionary<string, Tensor>> TrainLoader { get; init; }

    /// <summary>Evaluation batches; every sample must be seen once (no dropped or repeated samples).</summary>
    public IEnumerable<Dictionary<string, Tensor>>? EvalLoader { get; init; }

    /// <summary>How long <see cref="Trainer.Fit"/> trains, in epochs, batches or samples. Default <c>"1ep"</c>.</summary>
    public string MaxDuration { get; init; } = "1ep";

    /// <summary>How often to evaluate on <see cref="EvalLoader"/>. Default <c>"1ep"</c>; <c>"dur"</c> is a fraction of <see cref="MaxDuration"/>.</summary>
    public string EvalInterval { get; init; } = "1ep";

    /// <summary>
    /// Learning-rate schedulers: time-based ones (<see cref="CosineAnnealingScheduler"/>, ...), whose
    /// multipliers combine, or one of TorchSharp's (converted implicitly to a <see cref="TorchScheduler"/>).
    /// </summary>
    public IReadOnlyList<ComposerScheduler> Schedulers { get; init; } = [];

    /// <summary>Micro-batches per batch: each batch is split in this many parts whose gradients add up to the whole batch's.</summary>
    public int GradAccumSteps { get; init; } = 1;

    /// <summary>When set, gradients are clipped to this total L2 norm before every optimizer step.</summary>
    public double? ClipGradNorm { get; init; }

    /// <summary><c>"auto"</c> (CUDA when available), <c>"cpu"</c>, <c>"cuda"</c> or <c>"cuda:N"</c>.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>The seed of torch's generators, set when the trainer is built. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Algorithms that change how the model is trained (<see cref="LabelSmoothing"/>, <see cref="MixUp"/>,
    /// <see cref="EMA"/>, ...), applied in order at the events they name, before the callbacks; checkpoints carry the
    /// state of those that implement <see cref="IStateful"/>.
    /// </summary>
    public IReadOnlyList<Algorithm> Algorithms { get; init; } = [];

    /// <summary>Callbacks, run in order at the events they act on, after the algorithms; the trainer closes them but never disposes them.</summary>
    public IReadOnlyList<Callback> Callbacks { get; init; } = [];

    /// <summary>Where metrics go (console, JSON lines, TensorBoard); run on rank 0 only.</summary>
    public IReadOnlyList<LoggerDestination> Loggers { get; init; } = [];

    /// <summary>When set, checkpoints are written to this folder every <see cref="SaveInterval"/> and at the end.</summary>
    public string? SaveFolder { get; init; }

    /// <summary>How often to write a checkpoint to <see cref="SaveFolder"/>. Default <c>"1ep"</c>.</summary>
    public string SaveInterval { get; init; } = "1ep";

    /// <summary>
    /// A checkpoint file (or a folder: its latest checkpoint) to resume from. A mid-epoch checkpoint of a job with another
    /// number of ranks resumes that epoch's unconsumed samples, re-divided over this job's ranks, when the train loader
    /// is an <see cref="Data.EpochDataLoader"/> over an <see cref="Data.IElasticSampler"/>.
    /// </summary>
    public string? LoadPath { get; init; }
}
