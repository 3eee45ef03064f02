// Scenario: detectron2's GroupedBatchSampler ported over a DistributedSampler; each epoch (a do/while loop) the user sets the epoch on the shard variable the batch sampler wraps — right: the batch sampler draws its indices from that shard. No diagnostic.
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Detection.Data;

public sealed class GroupedBatchSampler : IBatchSampler
{
    private readonly ISampler _sampler;
    private readonly IReadOnlyList<int> _groupIds;
    private readonly int _batchSize;

    public GroupedBatchSampler(ISampler sampler, IReadOnlyList<int> groupIds, int batchSize)
    {
        _sampler = sampler;
        _groupIds = groupIds;
        _batchSize = batchSize;
    }

    public long Count => _sampler.Count / _batchSize;

    public IEnumerator<long[]> GetEnumerator()
    {
        var buffers = _groupIds.Distinct().ToDictionary(g => g, _ => new List<long>());
        foreach (long index in _sampler)
        {
            var buffer = buffers[_groupIds[(int)index]];
            buffer.Add(index);
            if (buffer.Count < _batchSize) continue;
            yield return buffer.ToArray();
            buffer.Clear();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class DetectionTrainer
{
    public int MaxEpochs { get; init; } = 12;
    public int ImagesPerBatch { get; init; } = 2;

    public void Train(nn.Module<Tensor, Tensor> detector, InMemoryDataset coco, IReadOnlyList<int> aspectGroups)
    {
        var shard = new DistributedSampler(coco.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, shuffle: true, seed: 42);
        var grouped = new GroupedBatchSampler(shard, aspectGroups, ImagesPerBatch);
        using var loader = new EpochDataLoader(coco, batchSampler: grouped, workers: 4);
        var optimizer = optim.SGD(detector.parameters(), 0.02, momentum: 0.9, weight_decay: 1e-4);

        int epoch = 0;
        do
        {
            shard.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var losses = detector.call(batch["image"]);
                losses.sum().backward();
                optimizer.step();
            }
            Dist.Barrier();
        } while (++epoch < MaxEpochs);
    }
}
