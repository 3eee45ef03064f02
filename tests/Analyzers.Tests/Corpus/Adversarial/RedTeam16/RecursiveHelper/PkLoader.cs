// Scenario (project): a P×K loader ported from Lightning keeps its epoch logic in a helper, as Lightning's
// _set_sampler_epoch does: the loader's own set_epoch calls SamplerEpochs.Set(this, epoch). The helper sets
// loader.sampler only (CMP001 there). A fix that rewrites the helper's call to loader.set_epoch(epoch) makes
// set_epoch call itself forever (StackOverflowException at the first epoch).
using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace RedTeam16.RecursiveHelper;

public sealed class PkLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;

    public PkLoader(InMemoryDataset data, IReadOnlyList<long> labels, int seed)
    {
        _data = data;
        sampler = new RandomSampler(data.Count, seed: seed);
        batch_sampler = new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: seed);
    }

    public RandomSampler sampler { get; }

    public ClassBalancedBatchSampler batch_sampler { get; }

    public void set_epoch(int epoch) => SamplerEpochs.Set(this, epoch);

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler) yield return _data.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
