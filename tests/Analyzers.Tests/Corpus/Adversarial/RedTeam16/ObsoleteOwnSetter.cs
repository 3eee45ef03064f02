// Scenario: the team retired its loader's own SetEpoch, which set only the sampler, with [Obsolete(error: true)]
// pointing to Epochs.SetEpoch; a loop never sets the epoch: CMP002. A fix that calls loader.SetEpoch does not compile.
using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace RedTeam16.ObsoleteOwnSetter;

public sealed class TileLoader(InMemoryDataset data, IBatchSampler batchSampler) : IEnumerable<Dictionary<string, Tensor>>
{
    public ISampler Sampler { get; } = new SequentialSampler(data.Count);

    public IBatchSampler BatchSampler { get; } = batchSampler;

    [Obsolete("Sets the sampler only; call Epochs.SetEpoch(loader, epoch).", error: true)]
    public void SetEpoch(int epoch)
    {
        if (Sampler is IEpochAware aware) aware.SetEpoch(epoch);
    }

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
        var loader = new TileLoader(data, new BatchSampler(new RandomSampler(data.Count, seed: 9), 32));
        int n = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader) n++; //! CMP002
        }
        return n;
    }
}
