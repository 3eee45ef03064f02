using static TorchSharp.torch;
using static TorchSharp.torch.optim.lr_scheduler;

namespace Composer.Training;

/// <summary>
/// One of TorchSharp's own schedulers (StepLR, CosineAnnealingLR, LinearLR, ...) driven by the trainer:
/// stepped once per batch (Composer's default) or once per epoch. It sets the learning rate itself,
/// so it cannot be combined with time-based schedulers.
/// </summary>
/// <remarks>
/// The trainer steps it like every <see cref="ComposerScheduler"/>, before each optimizer step: it brings the wrapped
/// scheduler to as many steps as batches (or epochs) are done, which is where PyTorch's <c>scheduler.step()</c> after
/// every batch (or epoch) leaves it. A checkpoint stores the step count (<see cref="StateDict"/>); loading it replays
/// those steps on the fresh scheduler, which reproduces its rates exactly, and the optimizer's saved rates follow.
/// </remarks>
public sealed class TorchScheduler : ComposerScheduler
{
    private const string StepsKey = "steps";

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

    /// <summary>The steps taken, as a 0-d int64 tensor under <c>"steps"</c>.</summary>
    /// <returns>The state to save.</returns>
    public override Dictionary<string, Tensor> StateDict() => new() { [StepsKey] = tensor(Steps) };

    /// <summary>Replays the saved number of steps on the wrapped scheduler (which must not have gone further).</summary>
    /// <param name="state">What <see cref="StateDict"/> returned.</param>
    /// <exception cref="InvalidOperationException">The scheduler has already taken more steps than the saved state.</exception>
    public override void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        StepTo(state[StepsKey].item<long>());
    }

    internal override string StateName => $"{nameof(TorchScheduler)}({Scheduler.GetType().Name}, every {(StepEveryBatch ? "batch" : "epoch")})";

    internal override bool SetsRatesItself => true;

    internal override void Step(State state, double[] rates)
    {
        StepTo(StepEveryBatch ? state.Timestamp.Batch : state.Timestamp.Epoch);
        int i = 0;
        foreach (var group in state.Optimizer.ParamGroups)
        {
            rates[i++] = group.LearningRate;
        }
    }

    internal override void EnsureUnused(string parameterName, int index)
    {
        if (Steps != 0)
        {
            throw new ArgumentException(
                $"{parameterName}[{index}] wraps a {Scheduler.GetType().Name} that another trainer has already stepped {Steps} times; give each trainer a new scheduler.",
                parameterName);
        }
    }

    /// <summary>Steps the wrapped scheduler until it has taken <paramref name="steps"/> steps.</summary>
    private void StepTo(long steps)
    {
        if (steps < Steps)
        {
            throw new InvalidOperationException($"The {Scheduler.GetType().Name} has already taken {Steps} steps and cannot go back to {steps}.");
        }

        for (; Steps < steps; Steps++)
        {
            Scheduler.step();
        }
    }
}
