// Scenario: an epoch-start hook written as a positional record holding the loader; it switches on Loader.Sampler and sets the epoch in `case IEpochAware aware:` — a record's positional property is not in view, so the loader may draw from a batch sampler and nothing in the member handles it — CMP001.
using Composer.Data;

namespace RecHooks;

public sealed record RecSwitchEpochHook(string Name, EpochDataLoader Loader)
{
    public void OnEpochStart(int epoch)
    {
        switch (Loader.Sampler)
        {
            case IEpochAware aware:
                aware.SetEpoch(epoch); //! CMP001
                break;
            default:
                Console.WriteLine($"{Name}: {Loader.Sampler.GetType().Name} has no epoch");
                break;
        }
    }
}

public sealed class RecHookRunner
{
    private readonly List<RecSwitchEpochHook> _hooks = new();

    public void Add(RecSwitchEpochHook hook) => _hooks.Add(hook);

    public void EpochStart(int epoch)
    {
        foreach (var hook in _hooks) hook.OnEpochStart(epoch);
    }
}
