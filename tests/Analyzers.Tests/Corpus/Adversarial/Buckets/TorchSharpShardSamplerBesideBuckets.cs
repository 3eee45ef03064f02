// Scenario: data-parallel training with TorchSharp's own DataLoader given a DistributedSampler as its shuffler (epoch set through loader.sampler) beside an EpochDataLoader over a bucket batch sampler (Epochs.SetEpoch) — right: TorchSharp's DataLoader has no batch sampler, so its sampler is what shuffles. No diagnostic.
using Composer.Data;
using Composer.Distributed;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ddp;

public sealed class ShardedBucketBatchSampler : IBatchSampler, IEpochAware
{
    private readonly DistributedSampler _shard;
    private readonly int[] _lengths;
    private readonly int _batchSize;

    public ShardedBucketBatchSampler(DistributedSampler shard, int[] lengths, int batchSize) =>
        (_shard, _lengths, _batchSize) = (shard, lengths, batchSize);

    public long Count => (_shard.Count + _batchSize - 1) / _batchSize;

    public void SetEpoch(int epoch) => _shard.SetEpoch(epoch);

    public IEnumerator<long[]> GetEnumerator() =>
        _shard.Chunk(_batchSize * 20).SelectMany(pool => pool.OrderBy(i => _lengths[i]).Chunk(_batchSize)).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class DdpTraining
{
    public static void Run(InMemoryDataset images, InMemoryDataset captions, int[] captionLengths, InMemoryDataset val, Action<Dictionary<string, Tensor>> step, int epochs)
    {
        int rank = Dist.Rank, world = Dist.WorldSize;
        using var imageLoader = new DataLoader(images, 64, new DistributedSampler(images.Count, world, rank, seed: 5), disposeDataset: false);
        using var captionLoader = new EpochDataLoader(captions,
            batchSampler: new ShardedBucketBatchSampler(new DistributedSampler(captions.Count, world, rank, seed: 5), captionLengths, 64));
        using var valLoader = new DataLoader(val, 256, shuffle: false, disposeDataset: false);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            (imageLoader.sampler as IEpochAware)?.SetEpoch(epoch);
            Epochs.SetEpoch(captionLoader, epoch);

            foreach (var batch in imageLoader) step(batch);
            foreach (var batch in captionLoader) step(batch);

            if (rank == 0)
            {
                long n = 0;
                foreach (var batch in valLoader) n += batch["data"].shape[0];
                Console.WriteLine($"epoch {epoch}: validated {n} samples");
            }
            Dist.Barrier();
        }
    }
}
