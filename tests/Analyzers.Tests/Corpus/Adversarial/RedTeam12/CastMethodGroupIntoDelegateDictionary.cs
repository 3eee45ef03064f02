// Scenario: a PyTorch port keeps named callbacks in a Dictionary<string, Delegate>; it stores the ported loader's `sampler.SetEpoch` under "on_epoch_start" with an explicit `(Action<int>)` cast. The loader has a batch_sampler member and arrives as a parameter — CMP001 at the method group (a setter of loader.sampler handed on as a delegate).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.CastMethodGroupIntoDelegateDictionary;

public sealed class TripletLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public TripletLoader(InMemoryDataset data, IReadOnlyList<long> labels, int seed)
    {
        dataset = data;
        sampler = new RandomSampler(data.Count, seed: seed);
        batch_sampler = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: seed);
    }

    public InMemoryDataset dataset { get; }
    public RandomSampler sampler { get; }
    public ClassBalancedBatchSampler batch_sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] indices in batch_sampler) yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class CallbackTable
{
    private readonly Dictionary<string, Delegate> _callbacks = new();

    public void Register(TripletLoader loader)
    {
        _callbacks["on_epoch_start"] = (Action<int>)loader.sampler.SetEpoch; //! CMP001
    }

    public void Invoke(string name, int epoch)
    {
        if (_callbacks.TryGetValue(name, out var callback)) ((Action<int>)callback)(epoch);
    }
}
