namespace Composer.Training;

/// <summary>
/// Writes a checkpoint to a folder every <c>interval</c> and when training ends, named
/// <c>{run name}-ep{epoch}-ba{batch}.ckpt</c> (<see cref="Checkpoint.FileName"/>), on rank 0 only, and deletes the
/// run's older ones beyond the last <c>numCheckpointsToKeep</c>. Training that ends on a batch the interval has just
/// saved keeps one checkpoint of that batch: the one written at the end, where the epoch is counted, replaces it. The
/// trainer adds one when <see cref="TrainerOptions.SaveFolder"/> is set.
/// </summary>
public sealed class CheckpointSaver : Callback
{
    private readonly Time _interval;
    private readonly int _numCheckpointsToKeep;
    private Timestamp _before;
    private Timestamp? _lastSaved;

    /// <summary>Saves into <paramref name="folder"/> every <paramref name="interval"/>.</summary>
    /// <param name="folder">The folder, created when needed.</param>
    /// <param name="interval">How often, such as <c>"1ep"</c> or <c>"200ba"</c>; longer than zero.</param>
    /// <param name="numCheckpointsToKeep">How many of the run's latest checkpoints to keep: -1 (all) or at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numCheckpointsToKeep"/> is 0 or below -1.</exception>
    public CheckpointSaver(string folder, string interval = "1ep", int numCheckpointsToKeep = -1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        _interval = Interval.Parse(interval, nameof(interval));
        _numCheckpointsToKeep = numCheckpointsToKeep is -1 or >= 1
            ? numCheckpointsToKeep
            : throw new ArgumentOutOfRangeException(nameof(numCheckpointsToKeep), numCheckpointsToKeep,
                $"{nameof(numCheckpointsToKeep)} must be -1 (keep all) or at least 1, not {numCheckpointsToKeep}.");
    }

    /// <summary>The folder checkpoints are written to.</summary>
    public string Folder { get; }

    /// <summary>The last checkpoint written, if any.</summary>
    public string? LastPath { get; private set; }

    /// <inheritdoc />
    public override void BatchStart(State state, Logger logger) => _before = state.Timestamp;

    /// <inheritdoc />
    public override void BatchEnd(State state, Logger logger)
    {
        if (Interval.Reached(_interval, Event.BatchEnd, state, _before))
        {
            Save(state);
        }
    }

    /// <inheritdoc />
    public override void EpochEnd(State state, Logger logger)
    {
        if (Interval.Reached(_interval, Event.EpochEnd, state, _before))
        {
            Save(state);
        }
    }

    /// <inheritdoc />
    public override void FitEnd(State state, Logger logger)
    {
        // The last batch's end (ep1-ba8) and the fit's end (ep2-ba8) hold the same weights: keep the later one only, so
        // that a duplicate never takes the place of an older checkpoint among the ones kept.
        bool sameBatch = _lastSaved is { } last && last.Batch == state.Timestamp.Batch;
        Save(state, supersedes: sameBatch ? LastPath : null);
    }

    /// <param name="state">What to save.</param>
    /// <param name="supersedes">A checkpoint this one replaces, deleted once this one is written.</param>
    private void Save(State state, string? supersedes = null)
    {
        if (!State.IsLoggingRank || _lastSaved == state.Timestamp)
        {
            return;
        }

        LastPath = Path.Combine(Folder, Checkpoint.FileName(state.RunName, state.Timestamp));
        Checkpoint.Save(LastPath, state);
        _lastSaved = state.Timestamp;
        if (supersedes is not null && supersedes != LastPath)
        {
            File.Delete(supersedes);
        }

        if (_numCheckpointsToKeep > 0)
        {
            CheckpointFolder.KeepLatest(Folder, state.RunName, _numCheckpointsToKeep);
        }
    }
}
