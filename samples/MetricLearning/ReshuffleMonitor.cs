using Composer.Training;

namespace MetricLearning;

/// <summary>
/// Prints the classes of each epoch's first P×K batches: they change every epoch because the trainer
/// sets the epoch on the loader's batch sampler (the Composer bug would replay epoch 0's batches).
/// </summary>
internal sealed class ReshuffleMonitor(int batchesShown = 3) : Callback
{
    private readonly List<string> _current = [];
    private List<string>? _previous;

    public int EpochsWithNewOrder { get; private set; }

    public override void BatchStart(State state, Logger logger)
    {
        if (state.Timestamp.BatchInEpoch < batchesShown)
        {
            var classes = state.Batch!["label"].data<long>().ToArray().Distinct().Order();
            _current.Add(string.Join(",", classes));
        }
    }

    public override void EpochEnd(State state, Logger logger)
    {
        bool changed = _previous is not null && !_previous.SequenceEqual(_current);
        EpochsWithNewOrder += changed ? 1 : 0;
        string verdict = _previous is null ? "" : changed ? "  (reshuffled: differs from the previous epoch)" : "  (SAME as the previous epoch!)";
        Console.WriteLine($"epoch {state.Timestamp.Epoch - 1}: classes of the first batches [{string.Join("] [", _current)}]{verdict}");
        _previous = [.. _current];
        _current.Clear();
    }
}
