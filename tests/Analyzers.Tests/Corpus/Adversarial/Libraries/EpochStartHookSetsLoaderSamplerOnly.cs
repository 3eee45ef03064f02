// Scenario: a library's epoch-start hook receives the caller's EpochDataLoader and sets the epoch on loader.Sampler only; a caller's batch sampler is missed (wrong)
using Composer.Data;

namespace TinyFit.Hooks;

/// <summary>
/// Plugin contract for <see cref="TinyFit.Hooks.EpochHookRunner"/>: called once before each epoch.
/// </summary>
public interface IEpochHook
{
    void OnEpochStart(int epoch);
}

/// <summary>
/// Reshuffles the training data at the start of every epoch.
/// Register it with <c>runner.Add(new ReshuffleHook(trainLoader))</c>.
/// </summary>
public sealed class ReshuffleHook : IEpochHook
{
    private readonly EpochDataLoader _loader;

    public ReshuffleHook(EpochDataLoader loader)
    {
        _loader = loader ?? throw new ArgumentNullException(nameof(loader));
    }

    /// <inheritdoc />
    public void OnEpochStart(int epoch)
    {
        // Same as PyTorch: tell the sampler which epoch it is so it reshuffles.
        if (_loader.Sampler is IEpochAware aware) aware.SetEpoch(epoch); //! CMP001
    }
}

/// <summary>Runs the registered hooks in order.</summary>
public sealed class EpochHookRunner
{
    private readonly List<IEpochHook> _hooks = new();

    public EpochHookRunner Add(IEpochHook hook)
    {
        _hooks.Add(hook);
        return this;
    }

    public void EpochStarting(int epoch)
    {
        foreach (var hook in _hooks)
            hook.OnEpochStart(epoch);
    }
}
