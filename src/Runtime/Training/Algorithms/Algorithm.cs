namespace Composer.Training;

/// <summary>
/// A change to how the model is trained (Composer's <c>Algorithm</c>): label smoothing, MixUp, an average of the
/// weights. It names the events it acts on (<see cref="Events"/>); at each of them the trainer asks
/// <see cref="Match"/> and, when it answers true, calls <see cref="Apply"/>, which changes the state: the batch, the
/// outputs, the loss, the weights. Algorithms run before callbacks at every event, in the order given in
/// <see cref="TrainerOptions.Algorithms"/>.
/// </summary>
/// <remarks>
/// An algorithm whose state must survive a resume (the averaged weights of <see cref="EMA"/>) implements
/// <see cref="IStateful"/>: checkpoints save it under <c>algorithms/{index}/{type name}</c>. An algorithm that draws
/// random numbers draws them from a generator derived from the seed, the epoch and the batch (see
/// <see cref="State.BatchRandom"/>), so that a resumed run draws what the uninterrupted one drew without saving a
/// generator's state.
/// </remarks>
public abstract class Algorithm
{
    /// <summary>
    /// The events at which the trainer may apply this algorithm; it asks once, when it is built, and never calls
    /// <see cref="Match"/> at another event, so an algorithm costs nothing at the events it does not name.
    /// </summary>
    public abstract IReadOnlyCollection<Event> Events { get; }

    /// <summary>Whether to apply at <paramref name="e"/>, one of <see cref="Events"/>, now; the default is always.</summary>
    /// <param name="e">The event.</param>
    /// <param name="state">The trainer's state.</param>
    public virtual bool Match(Event e, State state) => true;

    /// <summary>Applies the algorithm at <paramref name="e"/>.</summary>
    /// <param name="e">The event.</param>
    /// <param name="state">The trainer's state, to read and change.</param>
    /// <param name="logger">Where metrics go.</param>
    public abstract void Apply(Event e, State state, Logger logger);
}
