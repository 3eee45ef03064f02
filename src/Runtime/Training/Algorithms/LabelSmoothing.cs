using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Label smoothing (Szegedy et al. 2016; Composer's <c>LabelSmoothing</c>): the loss sees the targets mixed with the
/// uniform distribution, <c>(1 − smoothing) · onehot(y) + smoothing / classes</c>, instead of the hard class indices.
/// With cross-entropy this is PyTorch's <c>cross_entropy(..., label_smoothing: smoothing)</c>.
/// </summary>
/// <remarks>
/// Replaces the batch's target column at <see cref="Event.BeforeLoss"/> and puts the original back at
/// <see cref="Event.AfterLoss"/>, so the model's <see cref="ComposerModel.Loss"/> must accept class probabilities
/// (N × classes, as <see cref="ComposerClassifier"/>'s cross-entropy does). Targets that are already probabilities are
/// smoothed the same way. The number of classes is the outputs' second dimension. MixUp and CutMix compute their
/// second loss with the permuted targets as the loader gave them, so next to them only the first of the two is smoothed.
/// </remarks>
public sealed class LabelSmoothing : Algorithm
{
    private Dictionary<string, Tensor>? _original;

    /// <summary>Smooths the targets in <paramref name="targetKey"/> by <paramref name="smoothing"/>.</summary>
    /// <param name="smoothing">The probability mass spread over all classes, in [0, 1]. Default 0.1.</param>
    /// <param name="targetKey">The batch column with the targets.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="smoothing"/> is outside [0, 1].</exception>
    public LabelSmoothing(double smoothing = 0.1, string targetKey = "label")
    {
        Smoothing = Check.InRange(smoothing, 0, 1);
        TargetKey = Check.NotEmpty(targetKey);
    }

    /// <summary>The probability mass spread over all classes.</summary>
    public double Smoothing { get; }

    /// <summary>The batch column with the targets.</summary>
    public string TargetKey { get; }

    /// <inheritdoc />
    public override IReadOnlyCollection<Event> Events { get; } = [Event.BeforeLoss, Event.AfterLoss];

    /// <inheritdoc />
    public override void Apply(Event e, State state, Logger logger)
    {
        if (e == Event.AfterLoss)
        {
            state.Batch = _original!;
            _original = null;
            return;
        }

        var batch = state.Batch!;
        var outputs = state.Outputs!;
        var targets = Column.Get(batch, TargetKey, nameof(LabelSmoothing));
        long classes = outputs.size(1);
        var probabilities = targets.is_floating_point()
            ? targets
            : nn.functional.one_hot(targets, classes).to(outputs.dtype);
        _original = batch;
        state.Batch = new Dictionary<string, Tensor>(batch) { [TargetKey] = probabilities * (1 - Smoothing) + Smoothing / classes };
    }
}
