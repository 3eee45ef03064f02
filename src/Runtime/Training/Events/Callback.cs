namespace Composer.Training;

/// <summary>
/// Something that runs at the <see cref="Event"/>s of training without changing what is trained: checkpointing,
/// logging, monitors, early stopping (Composer's <c>Callback</c>). Override the method of each event you act on,
/// such as <see cref="EpochStart"/>; the trainer calls a callback only at the events it overrides, so the others
/// cost nothing. Callbacks run after the algorithms of the same event, in the order given.
/// </summary>
/// <remarks>
/// <para><see cref="Run"/> is the single entry point of earlier versions: the trainer calls it, and its base
/// implementation dispatches to the per-event method. A callback that overrides <see cref="Run"/> is called at
/// every event; if its override does not call <c>base.Run</c>, the per-event methods are not called.</para>
/// <para>A callback whose state must survive a resume (the best metric of <see cref="EarlyStopper"/>) implements
/// <see cref="IStateful"/>: checkpoints save it under <c>callbacks/{index}/{type name}</c>. The trainer calls
/// <see cref="Close"/> when it is disposed and never disposes a callback it did not create.</para>
/// </remarks>
public abstract class Callback
{
    /// <summary>Runs at <paramref name="e"/>: calls the method of that event (<see cref="EpochStart"/>, ...) with the state's logger.</summary>
    /// <param name="e">The event.</param>
    /// <param name="state">The trainer's state at that event.</param>
    public virtual void Run(Event e, State state)
    {
        Check.NotNull(state);
        var logger = state.Logger;
        switch (e)
        {
            case Event.Init:
                Init(state, logger);
                break;
            case Event.FitStart:
                FitStart(state, logger);
                break;
            case Event.EpochStart:
                EpochStart(state, logger);
                break;
            case Event.AfterDataloader:
                AfterDataloader(state, logger);
                break;
            case Event.BatchStart:
                BatchStart(state, logger);
                break;
            case Event.BeforeForward:
                BeforeForward(state, logger);
                break;
            case Event.AfterForward:
                AfterForward(state, logger);
                break;
            case Event.BeforeLoss:
                BeforeLoss(state, logger);
                break;
            case Event.AfterLoss:
                AfterLoss(state, logger);
                break;
            case Event.BeforeBackward:
                BeforeBackward(state, logger);
                break;
            case Event.AfterBackward:
                AfterBackward(state, logger);
                break;
            case Event.AfterTrainBatch:
                AfterTrainBatch(state, logger);
                break;
            case Event.BatchEnd:
                BatchEnd(state, logger);
                break;
            case Event.EpochEnd:
                EpochEnd(state, logger);
                break;
            case Event.EvalStart:
                EvalStart(state, logger);
                break;
            case Event.EvalEnd:
                EvalEnd(state, logger);
                break;
            case Event.FitEnd:
                FitEnd(state, logger);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e, $"e must be an Event, but was {e}.");
        }
    }

    /// <summary>Once, while the trainer is built, before a checkpoint is loaded (see <see cref="Event.Init"/>). The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void Init(State state, Logger logger)
    {
    }

    /// <summary>When <see cref="Trainer.Fit"/> starts. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void FitStart(State state, Logger logger)
    {
    }

    /// <summary>At the start of every epoch. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void EpochStart(State state, Logger logger)
    {
    }

    /// <summary>After a batch is loaded and on the device, before algorithms and callbacks see it at <see cref="Event.BatchStart"/>. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void AfterDataloader(State state, Logger logger)
    {
    }

    /// <summary>Before each batch. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void BatchStart(State state, Logger logger)
    {
    }

    /// <summary>Before each micro-batch's forward pass. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void BeforeForward(State state, Logger logger)
    {
    }

    /// <summary>After each micro-batch's forward pass. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void AfterForward(State state, Logger logger)
    {
    }

    /// <summary>Before each micro-batch's loss. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void BeforeLoss(State state, Logger logger)
    {
    }

    /// <summary>After each micro-batch's loss. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void AfterLoss(State state, Logger logger)
    {
    }

    /// <summary>Before each micro-batch's backward pass. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void BeforeBackward(State state, Logger logger)
    {
    }

    /// <summary>After each micro-batch's backward pass. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void AfterBackward(State state, Logger logger)
    {
    }

    /// <summary>After the batch's gradients are complete, before the optimizer step. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void AfterTrainBatch(State state, Logger logger)
    {
    }

    /// <summary>After the optimizer step. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void BatchEnd(State state, Logger logger)
    {
    }

    /// <summary>At the end of every full epoch. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void EpochEnd(State state, Logger logger)
    {
    }

    /// <summary>Before an evaluation pass. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void EvalStart(State state, Logger logger)
    {
    }

    /// <summary>After an evaluation pass. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void EvalEnd(State state, Logger logger)
    {
    }

    /// <summary>When training ends. The default does nothing.</summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void FitEnd(State state, Logger logger)
    {
    }

    /// <summary>
    /// When the trainer is disposed: flush and close what the callback opened (files, writers). The callback stays
    /// usable; a later <see cref="Trainer.Fit"/> may open them again. The default does nothing.
    /// </summary>
    /// <param name="state">The trainer's state.</param>
    /// <param name="logger">Where metrics go.</param>
    public virtual void Close(State state, Logger logger)
    {
    }
}
