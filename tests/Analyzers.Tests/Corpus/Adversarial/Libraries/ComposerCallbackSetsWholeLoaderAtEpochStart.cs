// Scenario: a callback library for Composer's Trainer sets the whole loader's epoch in EpochStart from State.Timestamp.Epoch, for a loader of the caller's that the trainer does not own (right)
using Composer.Data;
using Composer.Training;

namespace Composer.Extras.Callbacks;

/// <summary>
/// Keeps an auxiliary loader (one the trainer does not read, such as a replay buffer or an unlabeled stream
/// consumed by an algorithm) on the trainer's epoch. Add it to <c>TrainerOptions.Callbacks</c>.
/// </summary>
public sealed class AuxiliaryLoaderEpochSync : Callback
{
    private readonly EpochDataLoader _auxiliary;
    private readonly int _offset;

    /// <param name="auxiliary">The loader to keep in step.</param>
    /// <param name="offset">Added to the trainer's epoch, e.g. to continue an earlier run's numbering.</param>
    public AuxiliaryLoaderEpochSync(EpochDataLoader auxiliary, int offset = 0)
    {
        _auxiliary = auxiliary ?? throw new ArgumentNullException(nameof(auxiliary));
        _offset = offset;
    }

    /// <inheritdoc />
    public override void EpochStart(State state, Logger logger)
    {
        // The whole loader: batch sampler, sampler and data set each get the epoch.
        _auxiliary.SetEpoch(state.Timestamp.Epoch + _offset);
    }
}
