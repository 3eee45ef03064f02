using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Orbit.Vision.Pipelines;

/// <summary>Random crops: which patch of which image, redrawn every round.</summary>
public sealed class PatchSampler : ISampler
{
    private readonly int _seed;
    private long _round;

    public PatchSampler(long length, int seed)
    {
        Count = length;
        _seed = seed;
    }

    public long Count { get; }

    public void Advance(long round) => _round = round;

    public IEnumerator<long> GetEnumerator()
    {
        var ids = new long[Count];
        for (long i = 0; i < Count; i++) ids[i] = i;
        new Random((int)(_seed ^ _round * 2654435761L)).Shuffle(ids);
        return ((IEnumerable<long>)ids).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class AugmentPipeline
{
    /// <summary>Feeds augmented image batches; flips are drawn per batch from the order's epoch.</summary>
    public sealed class Feeder : IEnumerable<Dictionary<string, Tensor>>
    {
        private readonly InMemoryDataset _images;
        private readonly ISampler _order;
        private readonly int _batchSize;

        public Feeder(InMemoryDataset images, ISampler order, int batchSize)
        {
            _images = images;
            _order = order;
            _batchSize = batchSize;
        }

        public void BeginEpoch(int epoch)
        {
            if (_order is PatchSampler patches) patches.Advance(epoch);
            else if (_order is IEpochAware aware) aware.SetEpoch(epoch);
        }

        public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
        {
            foreach (long[] ids in _order.Chunk(_batchSize))
            {
                var batch = _images.GetBatch(ids);
                batch["image"] = batch["image"].flip(3);
                yield return batch;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public static Feeder Build(InMemoryDataset images, int seed) => new(images, new PatchSampler(images.Count, seed), 64);
}

/// <summary>One-cycle learning rate, stepped per epoch.</summary>
public sealed class OneCycle(optim.Optimizer optimizer, double maxLr)
{
    public void BeginEpoch(int epoch, int totalEpochs)
    {
        double t = epoch / (double)Math.Max(1, totalEpochs - 1);
        double lr = maxLr * (t < 0.3 ? t / 0.3 : (1 - t) / 0.7 + 1e-3);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
    }
}
