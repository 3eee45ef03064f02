using Composer.Data;
using Tessera.Ddp.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Tessera.Ddp.Training;

public static class DdpRecipes
{
    public static void WholeLoader(RankLoader loader, int epochs, Action<Dictionary<string, Tensor>> step)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.Reshuffle(epoch);
            foreach (var batch in loader) step(batch);
        }
    }

    public static void BothParts(RankLoader loader, int epochs, Action<Dictionary<string, Tensor>> step)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            (loader.Sampler as RankShardSampler)?.Reshuffle(epoch);
            (loader.BatchSampler as BucketBatchSampler)?.Reshuffle(epoch); // the batch sampler is handled too
            foreach (var batch in loader) step(batch);
        }
    }

    public static void OwnBuckets(InMemoryDataset shard, int epochs, Action<Dictionary<string, Tensor>> step)
    {
        // Built here without a batch sampler argument: setting its sampler is enough.
        var loader = new RankLoader(shard, new RankShardSampler(shard.Count, seed: 3), batchSize: 64);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ((RankShardSampler)loader.Sampler).Reshuffle(epoch);
            foreach (var batch in loader) step(batch);
        }
    }

    public static void Packed(InMemoryDataset shard, int epochs, Action<Tensor> step)
    {
        var packed = new PackedLoader(shard, new RankShardSampler(shard.Count, seed: 23), rows: 16);
        var eval = new PackedLoader(shard, new SequentialSampler(shard.Count), rows: 16);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            packed.Reshuffle(epoch);
            foreach (var rows in packed) step(rows);
            foreach (var rows in eval) step(rows); // sequential: same order every epoch on purpose
            packed.Reshuffle(epoch + 1); // after the iteration, ready for the next epoch
        }
    }
}
