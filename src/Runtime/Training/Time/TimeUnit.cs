namespace Composer.Training;

/// <summary>The unit of a <see cref="Time"/>: what the number counts.</summary>
public enum TimeUnit
{
    /// <summary>Passes over the training data (<c>"ep"</c>).</summary>
    Epoch,

    /// <summary>Optimizer steps, one per batch of the train loader (<c>"ba"</c>).</summary>
    Batch,

    /// <summary>Training samples seen (<c>"sp"</c>).</summary>
    Sample,

    /// <summary>A fraction of the trainer's whole <c>MaxDuration</c> (<c>"dur"</c>).</summary>
    Duration,
}
