// Scenario: a ported P×K loader whose own set_epoch forwards to its sampler only (the Composer bug, inside the
// type); a callback sets loader.sampler only: CMP001. The fix must not turn it into loader.set_epoch(epoch),
// which does exactly the same thing and leaves the batch sampler at epoch 0.
using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace RedTeam16.OwnSetterSetsOnlySampler;

public sealed class PkLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;

    public PkLoader(InMemoryDataset data, IReadOnlyList<long> labels, int seed)
    {
        _data = data;
        sampler = new RandomSampler(data.Count, seed: seed);
        batch_sampler = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: seed);
    }

    public RandomSampler sampler { get; }

    public ClassBalancedBatchSampler batch_sampler { get; }

    // Ported literally from the PyTorch wrapper: `self.sampler.set_epoch(epoch)`.
    public void set_epoch(int epoch) => sampler.SetEpoch(epoch);

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler) yield return _data.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Fit
{
    public static int Run(PkLoader loader, int epochs)
    {
        int batches = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.sampler.SetEpoch(epoch); //! CMP001
            foreach (var batch in loader) batches++;
        }
        return batches;
    }
}
