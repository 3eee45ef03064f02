// Scenario: a test simulates four ranks in one process, keeps one EpochDataLoader per rank in a list, and for each epoch loops over the loaders, setting each one's epoch before iterating it, to check the shards partition the data set (right)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Distributed;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class SimulatedRankTests
{
    private const int Ranks = 4;
    private const int Samples = 96; // divisible by Ranks: no padding, so every index is on exactly one rank

    [Fact]
    public void Shards_partition_the_data_set_every_epoch_and_reshuffle()
    {
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(Samples, 12),
            ["index"] = arange(Samples, dtype: ScalarType.Int64),
        });

        var loaders = new List<EpochDataLoader>();
        for (int rank = 0; rank < Ranks; rank++)
            loaders.Add(new EpochDataLoader(data, batchSize: 8,
                sampler: new DistributedSampler(Samples, numReplicas: Ranks, rank: rank, seed: 5)));

        var previous = new Dictionary<int, long[]>();
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var owner = new Dictionary<long, int>();
            int r = 0;
            foreach (var loader in loaders)
            {
                loader.SetEpoch(epoch);
                var shard = new List<long>();
                foreach (var batch in loader)
                    shard.AddRange(batch["index"].data<long>().ToArray());

                foreach (long index in shard)
                    if (!owner.TryAdd(index, r))
                        throw new InvalidOperationException($"epoch {epoch}: index {index} on ranks {owner[index]} and {r}");

                if (previous.TryGetValue(r, out var last) && last.SequenceEqual(shard))
                    throw new InvalidOperationException($"rank {r} replayed its epoch {epoch - 1} order");
                previous[r] = shard.ToArray();
                r++;
            }
            if (owner.Count != Samples)
                throw new InvalidOperationException($"epoch {epoch}: {owner.Count} of {Samples} samples seen");
        }

        foreach (var loader in loaders) loader.Dispose();
    }
}
