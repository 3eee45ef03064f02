// Scenario: a HuggingFace-style TrainerCallback sets the injected loader's Sampler epoch and also its BatchSampler's (`if (_loader.BatchSampler is IEpochAware b) b.SetEpoch(epoch)`); the batch sampler is handled in the same member, so no CMP001 (CMP001 "Not flagged: a setter on loader.BatchSampler, in any form").
using Composer.Data;

namespace HfPort.Callbacks;

public abstract class HfTrainerCallbackBase
{
    public virtual void OnEpochBegin(int epoch)
    {
    }

    public virtual void OnEpochEnd(int epoch)
    {
    }
}

public sealed class HfBothPartsReshuffleCallback : HfTrainerCallbackBase
{
    private readonly EpochDataLoader _loader;

    public HfBothPartsReshuffleCallback(EpochDataLoader loader)
    {
        _loader = loader;
    }

    public override void OnEpochBegin(int epoch)
    {
        (_loader.Sampler as IEpochAware)?.SetEpoch(epoch);
        if (_loader.BatchSampler is IEpochAware batches) batches.SetEpoch(epoch);
    }

    public override void OnEpochEnd(int epoch) => Console.WriteLine($"finished epoch {epoch}");
}
