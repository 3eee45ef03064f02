// Scenario: a file that spells Composer's types fully qualified (no `using Composer.Data;`) registers the sampler setters of two ported P×K loaders (parameters, with batch_sampler members) in one collection expression — CMP001 at each method group; Fix All turns both into lambdas over Epochs.SetEpoch and must add one using.
using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.PortedLoadersFixAllAddsUsing;

public sealed class PkPort : IEnumerable<Dictionary<string, Tensor>>
{
    public PkPort(Composer.Data.InMemoryDataset data, IReadOnlyList<long> labels, int seed)
    {
        dataset = data;
        sampler = new Composer.Data.RandomSampler(data.Count, seed: seed);
        batch_sampler = new Composer.Data.ClassBalancedBatchSampler(labels, 8, 4, seed: seed);
    }

    public Composer.Data.InMemoryDataset dataset { get; }
    public Composer.Data.RandomSampler sampler { get; }
    public Composer.Data.ClassBalancedBatchSampler batch_sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] indices in batch_sampler) yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class TwoTowerHooks
{
    public static List<Action<int>> For(PkPort query, PkPort gallery) =>
    [
        query.sampler.SetEpoch, //! CMP001
        gallery.sampler.SetEpoch, //! CMP001
    ];
}
