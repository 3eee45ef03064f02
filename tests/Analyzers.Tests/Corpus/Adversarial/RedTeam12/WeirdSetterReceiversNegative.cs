// Scenario: method groups named SetEpoch on receivers that are no loader's part — `this.SetEpoch` and `base.SetEpoch` inside an epoch-aware sampler of one's own, a generic `T : IEpochAware`, an LR scheduler's SetEpoch — next to a loader set as a whole each epoch. Correct, nothing flagged (and no analyzer failure).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.WeirdSetterReceiversNegative;

public class BaseShuffle : ISampler, IEpochAware
{
    protected int Epoch;

    public BaseShuffle(long count) => Count = count;

    public long Count { get; }

    public virtual void SetEpoch(int epoch) => Epoch = epoch;

    public IEnumerator<long> GetEnumerator()
    {
        var rng = new Random(Epoch);
        return Enumerable.Range(0, (int)Count).Select(i => (long)i).OrderBy(_ => rng.Next()).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class LoggedShuffle : BaseShuffle
{
    public LoggedShuffle(long count, List<Action<int>> hooks) : base(count)
    {
        hooks.Add(this.SetEpoch);
        hooks.Add(base.SetEpoch);
    }

    public override void SetEpoch(int epoch)
    {
        Console.WriteLine($"shuffle epoch {epoch}");
        base.SetEpoch(epoch);
    }
}

public sealed class CosineScheduler
{
    public double Lr { get; private set; } = 0.1;

    public void SetEpoch(int epoch) => Lr = 0.1 * (1 + Math.Cos(Math.PI * epoch / 100)) / 2;
}

public static class WeirdLoop
{
    public static void Register<T>(List<Action<int>> hooks, T part) where T : IEpochAware => hooks.Add(part.SetEpoch);

    public static void Fit(InMemoryDataset data, int epochs)
    {
        var hooks = new List<Action<int>>();
        var shuffle = new LoggedShuffle(data.Count, hooks);
        var scheduler = new CosineScheduler();
        hooks.Add(scheduler.SetEpoch);
        Register(hooks, shuffle);
        var loader = new EpochDataLoader(data, batchSize: 10, sampler: shuffle);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var hook in hooks) hook(epoch);
            foreach (var batch in loader)
            {
                _ = batch["x"].sum() * scheduler.Lr;
            }
        }
    }
}
