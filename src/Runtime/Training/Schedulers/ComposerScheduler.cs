using static TorchSharp.torch.optim.lr_scheduler;

namespace Composer.Training;

/// <summary>
/// A learning-rate schedule as a function of training time (Composer's schedulers): before every
/// optimizer step the trainer sets each parameter group's rate to its initial rate times the product of
/// the schedulers' <see cref="Multiplier"/>s. Because the rate is computed from the timestamp, a
/// resumed run needs no scheduler state beyond the timestamp.
/// </summary>
public abstract class ComposerScheduler
{
    /// <summary>The factor applied to the initial learning rate at the current time of <paramref name="state"/>.</summary>
    /// <param name="state">The trainer's state (timestamp, max duration).</param>
    public abstract double Multiplier(State state);

    /// <summary>Wraps one of TorchSharp's schedulers, stepped after every batch (see <see cref="TorchScheduler"/>).</summary>
    /// <param name="scheduler">The scheduler.</param>
    public static implicit operator ComposerScheduler(LRScheduler scheduler) => new TorchScheduler(scheduler);

    /// <summary>Checks that a multiplier parameter is finite and not negative.</summary>
    private protected static double NonNegative(double value, string parameterName) => Check.NotNegative(value, parameterName);

    /// <summary>Parses a time that must be greater than zero.</summary>
    private protected static Time Positive(string time, string parameterName) => Interval.Parse(time, parameterName);
}
