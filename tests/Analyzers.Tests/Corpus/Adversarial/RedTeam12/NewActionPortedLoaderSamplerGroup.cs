// Scenario: a detectron2-style port with an aspect-ratio grouped loader (own `sampler` and `batch_sampler` members) registers `new Action<int>(loader.sampler.SetEpoch)` as a per-epoch hook; the loader is a parameter so it may draw from its batch sampler — CMP001 at the method group (fix: a lambda calling Epochs.SetEpoch on the loader).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.NewActionPortedLoaderSamplerGroup;

public sealed class GroupedLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public GroupedLoader(InMemoryDataset data, ISampler sampler, IBatchSampler batchSampler)
    {
        dataset = data;
        this.sampler = sampler as RandomSampler ?? new RandomSampler(data.Count);
        batch_sampler = batchSampler;
    }

    public InMemoryDataset dataset { get; }
    public RandomSampler sampler { get; }
    public IBatchSampler batch_sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] indices in batch_sampler) yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class HookRegistry
{
    private readonly List<Action<int>> _before = new();

    public void BeforeEpoch(Action<int> hook) => _before.Add(hook);

    public void Run(int epoch) => _before.ForEach(h => h(epoch));
}

public static class Detectron2Setup
{
    public static void RegisterHooks(HookRegistry registry, GroupedLoader loader)
    {
        // reshuffle every epoch (as torch's DistributedSampler.set_epoch)
        registry.BeforeEpoch(new Action<int>(loader.sampler.SetEpoch)); //! CMP001
    }
}
