using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// The loss side of MixUp and CutMix: the batch's inputs were mixed with a permutation of themselves, so each
/// micro-batch's loss becomes <c>mixing · loss(targets) + (1 − mixing) · loss(permuted targets)</c>. Holds the whole
/// batch's permuted targets and hands out the slice of each micro-batch in turn (micro-batches are consecutive rows).
/// </summary>
internal sealed class MixedTargets(string targetKey, string algorithm)
{
    /// <summary>The events of a mixing algorithm: it mixes the batch after loading, each loss after it is computed, and forgets at the batch's end.</summary>
    public static readonly IReadOnlyCollection<Event> Events = [Event.AfterDataloader, Event.AfterLoss, Event.BatchEnd];

    private Tensor? _permuted;
    private double _mixing;
    private long _offset;

    public void Start(Tensor permutedTargets, double mixing)
    {
        _permuted = permutedTargets;
        _mixing = mixing;
        _offset = 0;
    }

    /// <summary>At <see cref="Event.AfterLoss"/>: replaces the micro-batch's loss by the mixture of the two targets' losses.</summary>
    private void MixLoss(State state)
    {
        if (_permuted is null || _mixing == 1)
        {
            return;
        }

        var micro = state.Batch!;
        long rows = Column.Get(micro, targetKey, algorithm).size(0);
        long total = _permuted.size(0);
        if (_offset + rows > total)
        {
            _offset = 0; // the batch's passes again (SAM's second pass)
        }

        var permuted = rows == total ? _permuted : _permuted.narrow(0, _offset, rows);
        _offset += rows;
        var other = new Dictionary<string, Tensor>(micro) { [targetKey] = permuted };
        var otherLoss = state.Model.Loss(state.Outputs!, other);
        state.MicroBatchLoss = state.MicroBatchLoss! * _mixing + otherLoss * (1 - _mixing);
    }

    /// <summary>The loss side of an event of <see cref="Events"/>; mixing the batch's inputs is the algorithm's own.</summary>
    public void Apply(Event e, State state)
    {
        if (e == Event.AfterLoss)
        {
            MixLoss(state);
        }
        else if (e == Event.BatchEnd)
        {
            _permuted = null; // freed with the batch's dispose scope
        }
    }
}
