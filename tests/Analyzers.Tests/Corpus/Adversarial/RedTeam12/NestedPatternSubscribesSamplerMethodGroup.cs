// Scenario: a run object holds its loader; the hook registration uses an extended property pattern `run is { Loader.Sampler: DistributedSampler ddp }` and hands `ddp.SetEpoch` to a hook list. run.Loader comes from outside (may hold a batch sampler) — CMP001 at the method group.
using Composer.Data;

namespace RedTeam12.NestedPatternSubscribesSamplerMethodGroup;

public sealed record PretrainRun(string Name, EpochDataLoader Loader);

public sealed class HookList
{
    private readonly List<Action<int>> _onEpochStart = new();

    public void OnEpochStart(Action<int> hook) => _onEpochStart.Add(hook);

    public void Fire(int epoch)
    {
        foreach (var hook in _onEpochStart) hook(epoch);
    }
}

public static class RunWiring
{
    public static void Attach(PretrainRun run, HookList hooks)
    {
        if (run is { Loader.Sampler: DistributedSampler ddp }) hooks.OnEpochStart(ddp.SetEpoch); //! CMP001
        hooks.OnEpochStart(epoch => Console.WriteLine($"{run.Name}: epoch {epoch}"));
    }
}
