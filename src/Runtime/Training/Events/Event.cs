namespace Composer.Training;

/// <summary>
/// The points of training where algorithms, then callbacks and loggers, run (Composer's <c>Event</c>), in the
/// order they occur. Per batch:
/// <code>
/// AfterDataloader → BatchStart → for each micro-batch { BeforeForward → forward → AfterForward → BeforeLoss → loss →
/// AfterLoss → BeforeBackward → backward → AfterBackward } → AfterTrainBatch → optimizer step → BatchEnd
/// </code>
/// An event that no algorithm and no callback acts on costs nothing.
/// </summary>
public enum Event
{
    /// <summary>Once, while the trainer is built, before a checkpoint is loaded: algorithms and callbacks allocate the state a checkpoint restores.</summary>
    Init,

    /// <summary>Once, when <see cref="Trainer.Fit"/> starts (after a checkpoint has been loaded).</summary>
    FitStart,

    /// <summary>At the start of every epoch, after the train loader's epoch has been set.</summary>
    EpochStart,

    /// <summary>After a batch has been loaded and moved to the device: <see cref="State.Batch"/> holds it and may be replaced (augmentations such as MixUp).</summary>
    AfterDataloader,

    /// <summary>Before each batch: <see cref="State.Batch"/> holds it.</summary>
    BatchStart,

    /// <summary>Before each micro-batch's forward pass: <see cref="State.Batch"/> holds the micro-batch.</summary>
    BeforeForward,

    /// <summary>After each micro-batch's forward pass: <see cref="State.Outputs"/> holds the outputs.</summary>
    AfterForward,

    /// <summary>Before each micro-batch's loss: <see cref="State.Batch"/> and <see cref="State.Outputs"/> may be replaced (label smoothing).</summary>
    BeforeLoss,

    /// <summary>After each micro-batch's loss: <see cref="State.MicroBatchLoss"/> holds it and may be replaced (MixUp's mixture of two losses).</summary>
    AfterLoss,

    /// <summary>Before each micro-batch's backward pass on <see cref="State.MicroBatchLoss"/>.</summary>
    BeforeBackward,

    /// <summary>After each micro-batch's backward pass.</summary>
    AfterBackward,

    /// <summary>
    /// After every micro-batch's backward pass, with the gradients averaged across ranks, before clipping and the
    /// optimizer step: <see cref="State.RecomputeGradients"/> may run the batch again (SAM).
    /// </summary>
    AfterTrainBatch,

    /// <summary>After the optimizer step: <see cref="State.Loss"/> and <see cref="State.Timestamp"/> are updated.</summary>
    BatchEnd,

    /// <summary>At the end of every full epoch: <see cref="State.Timestamp"/> counts it.</summary>
    EpochEnd,

    /// <summary>Before an evaluation pass.</summary>
    EvalStart,

    /// <summary>After an evaluation pass: <see cref="State.EvalMetrics"/> holds its results.</summary>
    EvalEnd,

    /// <summary>Once, when training reaches <c>MaxDuration</c> or is stopped.</summary>
    FitEnd,
}
