using Composer.Data;

namespace MultiTask;

/// <summary>Subscribes the per-epoch reshuffle to a trainer.</summary>
public sealed class EpochHooks
{
    public int Calls { get; private set; }

    public void Attach(MultiTaskTrainer trainer)
    {
        trainer.EpochStarting += OnEpochStarting;
        trainer.EpochStarting += (_, _) => Calls++;
    }

    public void Detach(MultiTaskTrainer trainer) => trainer.EpochStarting -= OnEpochStarting;

    private static void OnEpochStarting(EpochDataLoader loader, int epoch)
    {
        switch (loader.Sampler)
        {
            case IEpochAware aware:
                aware.SetEpoch(epoch); //! CMP001 loader parameter, sampler only (case pattern)
                break;
            default:
                Console.Error.WriteLine($"loader sampler {loader.Sampler.GetType().Name} is not epoch-aware");
                break;
        }
    }
}
