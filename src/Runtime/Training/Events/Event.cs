namespace Composer.Training;

/// <summary>The points of the training loop where callbacks and loggers run, in the order they occur.</summary>
public enum Event
{
    /// <summary>Once, when <see cref="Trainer.Fit"/> starts (after a checkpoint has been loaded).</summary>
    FitStart,

    /// <summary>At the start of every epoch, after the train loader's epoch has been set.</summary>
    EpochStart,

    /// <summary>Before each batch: <see cref="State.Batch"/> holds it.</summary>
    BatchStart,

    /// <summary>After each micro-batch's forward pass: <see cref="State.Outputs"/> holds the outputs.</summary>
    AfterForward,

    /// <summary>After each micro-batch's backward pass.</summary>
    AfterBackward,

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
