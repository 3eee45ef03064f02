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

    /// <summary>
    /// The training batches: a <see cref="Data.IDataLoader{TBatch}"/> (both <see cref="Data.EpochDataLoader"/> types), or any other
    /// enumerable of batches (TorchSharp's <c>DataLoader</c>, a loader ported from PyTorch, a list), read through that contract once
    /// the trainer is built. The trainer sets its epoch (<c>Epochs.SetEpoch</c>) at the start of every epoch, takes its batches per
    /// epoch on this rank from it (or, for another loader, from its batch sampler or sampler), and resumes an interrupted epoch at
    /// its next batch, which an <see cref="Data.IDataLoader{TBatch}"/> reaches without loading the batches before it.
    /// </summary>
    public required IEnumerable<Dictionary<string, Tensor>> TrainLoader { get; init; }

    /// <summary>
    /// Evaluation batches, read as <see cref="TrainLoader"/> is; every sample must be seen once (no dropped or repeated samples),
    /// checked when the trainer is built for a loader that says its <see cref="Data.IDataLoader{TBatch}.BatchSampler"/>.
    /// </summary>
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

    /// <summary>
    /// The run's name (Composer's <c>run_name</c>): letters, digits, <c>-</c>, <c>_</c> and <c>.</c>. Checkpoints carry it
    /// in their headers and file names (<c>{RunName}-ep{epoch}-ba{batch}.ckpt</c>), and a <see cref="LoadPath"/> that is a
    /// folder resumes this run's latest checkpoint. When null, a resumed run keeps the name of the checkpoint it resumes,
    /// and a new one gets a name made of the time and random digits (<see cref="State.RunName"/>).
    /// </summary>
    public string? RunName { get; init; }

    /// <summary>When set, checkpoints are written to this folder every <see cref="SaveInterval"/> and at the end.</summary>
    public string? SaveFolder { get; init; }

    /// <summary>How often to write a checkpoint to <see cref="SaveFolder"/>. Default <c>"1ep"</c>.</summary>
    public string SaveInterval { get; init; } = "1ep";

    /// <summary>
    /// How many of this run's checkpoints to keep in <see cref="SaveFolder"/> (Composer's
    /// <c>save_num_checkpoints_to_keep</c>): after each save, older ones of the same run beyond the last N are deleted.
    /// Default -1: keep all. 0 and other negative numbers are refused.
    /// </summary>
    public int SaveNumCheckpointsToKeep { get; init; } = -1;

    /// <summary>
    /// A checkpoint file, or a folder: the latest checkpoint in it of the run named <see cref="RunName"/>, or, when that
    /// is null, of the one run the folder holds (a folder holding several runs is refused; the message names them).
    /// A mid-epoch checkpoint of a job with another number of ranks resumes that epoch's unconsumed samples, re-divided
    /// over this job's ranks, when the train loader says its <see cref="Data.IDataLoader{TBatch}.BatchSampler"/> and that
    /// is, or holds, an <see cref="Data.IElasticSampler"/>.
    /// </summary>
    public string? LoadPath { get; init; }
}
