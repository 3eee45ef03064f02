// Scenario: a shard test helper shared by two tests sets the epoch through loader.Sampler of the loader it is handed, but the loaders draw from a BatchSampler over a DistributedSampler, so the batch sampler never hears the epoch (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Sharding;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class ShardDisjointnessTests
{
    private const int Ranks = 4;
    private const int Samples = 256;
    private const int BatchSize = 16;

    private static InMemoryDataset MakeData() => new(new Dictionary<string, Tensor>
    {
        ["data"] = randn(Samples, 8),
        ["label"] = randint(0, 5, new long[] { Samples }, dtype: ScalarType.Int64),
        ["index"] = arange(Samples, dtype: ScalarType.Int64),
    });

    // One simulated rank of a 4-way data-parallel job, all in this process.
    private static EpochDataLoader ShardLoader(InMemoryDataset data, int rank) =>
        new EpochDataLoader(data,
            batchSampler: new BatchSampler(new DistributedSampler(data.Count, numReplicas: Ranks, rank: rank, seed: 11), BatchSize));

    // The indices one rank sees in one epoch, in the order it sees them.
    private static List<long> ShardIndices(EpochDataLoader loader, int epoch)
    {
        if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001
        var seen = new List<long>();
        foreach (var batch in loader)
            seen.AddRange(batch["index"].data<long>().ToArray());
        return seen;
    }

    [Fact]
    public void Shards_are_disjoint_and_cover_the_data_set()
    {
        using var data = MakeData();
        var loaders = Enumerable.Range(0, Ranks).Select(r => ShardLoader(data, r)).ToArray();
        try
        {
            for (int epoch = 0; epoch < 3; epoch++)
            {
                var all = new HashSet<long>();
                for (int rank = 0; rank < Ranks; rank++)
                {
                    foreach (long index in ShardIndices(loaders[rank], epoch))
                    {
                        if (!all.Add(index))
                            throw new InvalidOperationException($"epoch {epoch}: index {index} is on two ranks");
                    }
                }
                if (all.Count != Samples)
                    throw new InvalidOperationException($"epoch {epoch}: {all.Count} of {Samples} samples seen");
            }
        }
        finally
        {
            foreach (var loader in loaders) loader.Dispose();
        }
    }

    [Fact]
    public void A_rank_sees_a_new_order_every_epoch()
    {
        using var data = MakeData();
        using var loader = ShardLoader(data, rank: 1);
        var epoch0 = ShardIndices(loader, 0);
        var epoch1 = ShardIndices(loader, 1);
        if (epoch0.SequenceEqual(epoch1))
            throw new InvalidOperationException("rank 1 replayed epoch 0's order in epoch 1");
    }
}
