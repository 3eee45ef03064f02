// Scenario: a multi-task trainer collects its epoch hooks in a collection expression: the two task loaders come from outside and the user hands on each loader's sampler setter through an alias (`var a = (IEpochAware)vision.Sampler;`). Both loaders may hold batch samplers — CMP001 at each method group (Fix All must fix both).
using Composer.Data;

namespace RedTeam12.CollectionExpressionTwoSamplerGroups;

public sealed class MultiTaskHooks
{
    private readonly List<Action<int>> _hooks;

    public MultiTaskHooks(EpochDataLoader vision, EpochDataLoader text)
    {
        var a = (IEpochAware)vision.Sampler;
        var b = (IEpochAware)text.Sampler;
        _hooks = [a.SetEpoch, b.SetEpoch, LogEpoch]; //! CMP001 CMP001
    }

    public void BeginEpoch(int epoch)
    {
        foreach (var hook in _hooks) hook(epoch);
    }

    private static void LogEpoch(int epoch) => Console.WriteLine($"epoch {epoch}");
}
