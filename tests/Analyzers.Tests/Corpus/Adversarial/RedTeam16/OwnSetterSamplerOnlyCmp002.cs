// Scenario: a tiling loader of the user's with a Sampler and a BatchSampler, whose own SetEpoch (written before
// the batch sampler was added) reshuffles only Sampler; a loop never sets the epoch: CMP002. Its fix inserts
// loader.SetEpoch(epoch), which leaves the batch sampler, the one that orders the batches, at epoch 0;
// Epochs.SetEpoch(loader, epoch) (the fix before this change) sets both.
using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace RedTeam16.OwnSetterSamplerOnlyCmp002;

public sealed class TileLoader(InMemoryDataset data, RandomSampler sampler, BatchSampler batchSampler) : IEnumerable<Dictionary<string, Tensor>>
{
    public RandomSampler Sampler { get; } = sampler;

    public BatchSampler BatchSampler { get; } = batchSampler;

    public void SetEpoch(int epoch) => Sampler.SetEpoch(epoch);

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in BatchSampler) yield return data.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Train
{
    public static int Run(InMemoryDataset data, int epochs)
    {
        var loader = new TileLoader(data,
            new RandomSampler(data.Count, seed: 1),
            new BatchSampler(new DistributedSampler(data.Count, numReplicas: 2, rank: 0, seed: 1), 32));
        int n = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader) n++; //! CMP002
        }
        return n;
    }
}
