// Scenario: a library's reshuffle hook for caller-supplied loaders sets loader.BatchSampler's epoch when it is epoch-aware and falls back to loader.Sampler otherwise (right)
using Composer.Data;

namespace HookKit;

/// <summary>Something to run at the start of every epoch.</summary>
public interface IEpochStartHook
{
    void OnEpochStart(int epoch);
}

/// <summary>
/// Reshuffles a caller's loader at each epoch start. Works for loaders built with a batch sampler
/// (distributed, P×K) as well as for ones built with a sampler or <c>shuffle: true</c>.
/// </summary>
public sealed class LoaderReshuffleHook : IEpochStartHook
{
    private readonly EpochDataLoader _loader;

    public LoaderReshuffleHook(EpochDataLoader loader) => _loader = loader;

    public void OnEpochStart(int epoch)
    {
        if (_loader.BatchSampler is IEpochAware batches)
            batches.SetEpoch(epoch);
        else if (_loader.Sampler is IEpochAware sampler)
            sampler.SetEpoch(epoch);
    }
}

/// <summary>Composite of hooks, called in registration order.</summary>
public sealed class EpochStartHooks : IEpochStartHook
{
    private readonly List<IEpochStartHook> _hooks = new();

    public void Add(IEpochStartHook hook) => _hooks.Add(hook);

    public void OnEpochStart(int epoch)
    {
        foreach (var hook in _hooks) hook.OnEpochStart(epoch);
    }
}
