// Scenario: a static hook table initialised in a static field initializer with the shared loader sampler's setter, plus a `static` lambda factory `static l => ((IEpochAware)l.Sampler).SetEpoch` for other loaders. Both loaders come from outside (a settable static property, a lambda parameter) and may hold batch samplers — CMP001 at each method group.
using Composer.Data;

namespace RedTeam12.StaticInitializerAndStaticLambdaHooks;

public static class SharedData
{
    public static EpochDataLoader Loader { get; set; } = null!;
}

public static class StaticHooks
{
    public static readonly List<Action<int>> OnEpoch = [((IEpochAware)SharedData.Loader.Sampler).SetEpoch]; //! CMP001

    public static readonly Func<EpochDataLoader, Action<int>> HookFor = static l => ((IEpochAware)l.Sampler).SetEpoch; //! CMP001

    public static void Fire(int epoch)
    {
        foreach (var hook in OnEpoch) hook(epoch);
    }
}
