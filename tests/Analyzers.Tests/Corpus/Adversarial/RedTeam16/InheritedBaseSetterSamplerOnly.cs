// Scenario: a base loader class whose SetEpoch sets its Sampler (right for the base, which has no batch sampler);
// a derived P×K loader adds a BatchSampler and does not override it. A trainer sets loader.Sampler only: CMP001.
// Its fix must not call the inherited loader.SetEpoch, which sets the same Sampler and not the BatchSampler.
using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace RedTeam16.InheritedBaseSetterSamplerOnly;

public abstract class LoaderBase : IEnumerable<Dictionary<string, Tensor>>
{
    protected LoaderBase(InMemoryDataset data, ISampler sampler)
    {
        Data = data;
        Sampler = sampler;
    }

    public InMemoryDataset Data { get; }

    public ISampler Sampler { get; }

    /// <summary>Reshuffles the sampler for the coming epoch.</summary>
    public virtual void SetEpoch(int epoch)
    {
        if (Sampler is IEpochAware aware) aware.SetEpoch(epoch);
    }

    public abstract IEnumerator<Dictionary<string, Tensor>> GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class PkLoader(InMemoryDataset data, ClassBalancedBatchSampler batchSampler)
    : LoaderBase(data, new SequentialSampler(data.Count))
{
    public ClassBalancedBatchSampler BatchSampler { get; } = batchSampler;

    public override IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in BatchSampler) yield return Data.GetBatch(indices);
    }
}

public sealed class MetricTrainer(PkLoader loader)
{
    public void OnEpochStart(int epoch)
    {
        if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001
    }
}
