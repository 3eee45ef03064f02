// Scenario: a ported loader whose own set_epoch returns whether the order changed (bool), with a batch_sampler;
// the script adds the sampler's set_epoch to a list of Action<int> hooks: CMP001. A fix `hooks.Add(loader.set_epoch)`
// does not compile (a bool-returning method is not an Action<int>).
using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace RedTeam16.BoolOwnSetterHookList;

public sealed class PortedSampler(long length, int seed) : ISampler
{
    private readonly RandomSampler _inner = new(length, seed);
    public long Count => _inner.Count;
    public void set_epoch(int epoch) => _inner.SetEpoch(epoch);
    public IEnumerator<long> GetEnumerator() => _inner.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class PortedLoader(InMemoryDataset data, PortedSampler sampler, int batchSize) : IEnumerable<Dictionary<string, Tensor>>
{
    private int _epoch = -1;

    public PortedSampler sampler { get; } = sampler;

    public BatchSampler batch_sampler { get; } = new BatchSampler(sampler, batchSize);

    public bool set_epoch(int epoch)
    {
        if (epoch == _epoch) return false;
        _epoch = epoch;
        batch_sampler.SetEpoch(epoch);
        return true;
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler) yield return data.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Script
{
    public static void Main2(PortedLoader loader, int epochs)
    {
        var hooks = new List<Action<int>>();
        hooks.Add(loader.sampler.set_epoch); //! CMP001
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var hook in hooks) hook(epoch);
            foreach (var batch in loader) { }
        }
    }
}
