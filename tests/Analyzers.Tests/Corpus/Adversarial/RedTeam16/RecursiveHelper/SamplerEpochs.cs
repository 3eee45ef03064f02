using Composer.Data;

namespace RedTeam16.RecursiveHelper;

/// <summary>Port of Lightning's _set_sampler_epoch (the old version that looked at dataloader.sampler only).</summary>
public static class SamplerEpochs
{
    public static void Set(PkLoader loader, int epoch)
    {
        loader.sampler.SetEpoch(epoch); //! CMP001
    }
}
