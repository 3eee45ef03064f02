namespace Composer.Training;

/// <summary>
/// Something that runs at the <see cref="Event"/>s of training: checkpointing, logging, monitors,
/// early stopping. The trainer's loop stays short because everything optional is a callback.
/// </summary>
public abstract class Callback
{
    /// <summary>Runs at <paramref name="e"/>; the default does nothing.</summary>
    /// <param name="e">The event.</param>
    /// <param name="state">The trainer's state at that event.</param>
    public virtual void Run(Event e, State state)
    {
    }
}
