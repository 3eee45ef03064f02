using static TorchSharp.torch;
using static TorchSharp.torch.optim.lr_scheduler;

namespace Composer.Training;

/// <summary>
/// A learning-rate schedule as a function of training time (Composer's schedulers): before every
/// optimizer step the trainer sets each parameter group's rate to its initial rate times the product of
/// the schedulers' <see cref="Multiplier"/>s. Because the rate is computed from the timestamp, a
/// resumed run needs no scheduler state beyond the timestamp.
/// </summary>
/// <remarks>
/// Every scheduler, time-based or TorchSharp's (<see cref="TorchScheduler"/>), follows one protocol: the trainer
/// steps each one the same way before every optimizer step, and each is an <see cref="IStateful"/> that checkpoints
/// save under <c>schedulers/{index}/{name}</c> like any other state (time-based schedulers have none). A subclass
/// with state of its own overrides <see cref="StateDict"/> and <see cref="LoadStateDict"/>.
/// </remarks>
public abstract class ComposerScheduler : IStateful
{
    /// <summary>The factor applied to the initial learning rate at the current time of <paramref name="state"/>.</summary>
    /// <param name="state">The trainer's state (timestamp, max duration).</param>
    public abstract double Multiplier(State state);

    /// <summary>Wraps one of TorchSharp's schedulers, stepped after every batch (see <see cref="TorchScheduler"/>).</summary>
    /// <param name="scheduler">The scheduler.</param>
    public static implicit operator ComposerScheduler(LRScheduler scheduler) => new TorchScheduler(scheduler);

    /// <summary>The scheduler's state for a checkpoint; none for a schedule that depends on the timestamp alone.</summary>
    /// <returns>An empty dictionary, unless a subclass keeps state.</returns>
    public virtual Dictionary<string, Tensor> StateDict() => [];

    /// <summary>Restores what <see cref="StateDict"/> returned; nothing for a schedule that depends on the timestamp alone.</summary>
    /// <param name="state">The saved state.</param>
    public virtual void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
    }

    /// <summary>The name checkpoints save the scheduler under (after <c>schedulers/{index}/</c>): what must match on resume.</summary>
    internal virtual string StateName => GetType().Name;

    /// <summary>Whether it sets the optimizer's rates itself, so that no other scheduler can be combined with it.</summary>
    internal virtual bool SetsRatesItself => false;

    /// <summary>
    /// The one step every scheduler takes, before every optimizer step: turns <paramref name="rates"/> (per parameter
    /// group: the initial rates times the multipliers of the schedulers before this one) into the rates to use.
    /// </summary>
    internal virtual void Step(State state, double[] rates)
    {
        double multiplier = Multiplier(state);
        for (int i = 0; i < rates.Length; i++)
        {
            rates[i] *= multiplier;
        }
    }

    /// <summary>Throws when the scheduler cannot start with a new trainer (it was stepped by another).</summary>
    /// <param name="parameterName">The option that holds it.</param>
    /// <param name="index">Its index in that option.</param>
    internal virtual void EnsureUnused(string parameterName, int index)
    {
    }

    /// <summary>Checks that a multiplier parameter is finite and not negative.</summary>
    private protected static double NonNegative(double value, string parameterName) => Check.NotNegative(value, parameterName);

    /// <summary>Parses a time that must be greater than zero.</summary>
    private protected static Time Positive(string time, string parameterName) => Interval.Parse(time, parameterName);
}
