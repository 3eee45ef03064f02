// Scenario: a loader factory for a few-shot project. The P×K loader is built with `batchSize: NWay * KShot` (both `const int`) beside its batch sampler and `dropLast: !KeepRagged` (a `const bool` false); the generic episode loader passes `16, false, null, episodes` positionally; and the ablation helper hands a target-typed `new(data, 64, true, shard)` straight to `Register`. Wrong: the runtime rejects each (PyTorch's rules). CMP006 page: "`const` values count as constants, and so does an expression the compiler folds from them", arguments "may be named or positional", target-typed `new(…)` with two or more arguments is checked, and there is "One diagnostic per conflicting argument". CMP006 twice on the first creation, once on each of the other two.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam27.FoldedConflicts;

public sealed record Episode(long[] Rows);

public static class FewShotLoaders
{
    const int NWay = 5;
    const int KShot = 4;
    const bool KeepRagged = false;

    private static readonly List<EpochDataLoader> Registered = new();

    public static void Register(EpochDataLoader loader) => Registered.Add(loader);

    public static EpochDataLoader PkLoader(InMemoryDataset data, IReadOnlyList<long> labels)
    {
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: NWay, samplesPerClass: KShot, seed: 3);
        return new EpochDataLoader(data, batchSize: NWay * KShot, batchSampler: pk, dropLast: !KeepRagged); //! CMP006 CMP006
    }

    public static EpochDataLoader<long, Tensor> EpisodeLoader(torch.utils.data.Dataset<long> rows, IBatchSampler episodes) =>
        new EpochDataLoader<long, Tensor>(rows, (xs, device) => tensor(xs.ToArray(), device: device), 16, false, null, episodes); //! CMP006

    public static void RegisterAblation(InMemoryDataset data, bool distributed)
    {
        var shard = new DistributedSampler(data.Count, seed: 1);
        if (distributed)
            Register(new(data, 64, true, shard)); //! CMP006
        else
            Register(new(data, 64, shuffle: true));
    }

    public static void DisposeAll()
    {
        foreach (var loader in Registered) loader.Dispose();
        Registered.Clear();
    }
}
