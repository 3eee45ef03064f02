// Scenario: runs kept in a dictionary; the epoch hook looks one up and tests it in one go: `if (runs.GetValueOrDefault(name) is { Loader.Sampler: IEpochAware s }) s.SetEpoch(epoch);` — the lookup may miss (the pattern checks for null). The loaders are injected (may hold batch samplers) — CMP001 at the setter; its fix must not dereference a missing run.
using Composer.Data;

namespace RedTeam12.NestedPatternOnLookupResult;

public sealed class RegisteredRun
{
    public RegisteredRun(EpochDataLoader loader) => Loader = loader;

    public EpochDataLoader Loader { get; }
}

public sealed class RunRegistry
{
    private readonly Dictionary<string, RegisteredRun> _runs = new();

    public void Add(string name, EpochDataLoader loader) => _runs[name] = new RegisteredRun(loader);

    public void OnEpochStart(string name, int epoch)
    {
        if (_runs.GetValueOrDefault(name) is { Loader.Sampler: IEpochAware s }) s.SetEpoch(epoch); //! CMP001
    }
}
