using static TorchSharp.torch.optim.lr_scheduler;

namespace Composer.Training;

/// <summary>
/// One of TorchSharp's own schedulers (StepLR, CosineAnnealingLR, LinearLR, ...) driven by the trainer:
/// stepped after every batch (Composer's default) or after every epoch. It sets the learning rate itself,
/// so it cannot be combined with time-based schedulers. A checkpoint stores its step count; resuming
/// replays that many steps on a fresh scheduler, which reproduces its rates exactly.
/// </summary>
public sealed class TorchScheduler : ComposerScheduler
{
    /// <summary>Wraps <paramref name="scheduler"/>.</summary>
    /// <param name="scheduler">The scheduler, built over the trainer's optimizer.</param>
    /// <param name="stepEveryBatch">Step after every batch (true) or after every epoch (false).</param>
    public TorchScheduler(LRScheduler scheduler, bool stepEveryBatch = true)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        Scheduler = scheduler;
        StepEveryBatch = stepEveryBatch;
    }

    /// <summary>The wrapped scheduler.</summary>
    public LRScheduler Scheduler { get; }

    /// <summary>Whether it steps after every batch rather than every epoch.</summary>
    public bool StepEveryBatch { get; }

    /// <summary>The steps taken so far (saved in checkpoints).</summary>
    public long Steps { get; private set; }

    /// <summary>Always 1: the wrapped scheduler writes the learning rate itself.</summary>
    /// <param name="state">Unused.</param>
    public override double Multiplier(State state) => 1;

    internal void Step()
    {
        Scheduler.step();
        Steps++;
    }

    /// <summary>Brings a fresh scheduler to <paramref name="steps"/> steps by replaying them.</summary>
    internal void Replay(long steps)
    {
        if (Steps != 0)
        {
            throw new InvalidOperationException($"The scheduler has already taken {Steps} steps; a checkpoint can only be loaded into a fresh one.");
        }

        for (long i = 0; i < steps; i++)
        {
            Step();
        }
    }
}
