// Scenario: detectron2's GroupedBatchSampler (aspect-ratio groups) ported over a DistributedSampler; each epoch the loop switches on loader.Sampler and sets a DistributedSampler's epoch — wrong: loader.Sampler is a SequentialSampler, the shard inside the batch sampler keeps epoch 0 (CMP001).
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Detection.Data;

/// <summary>detectron2.data.samplers.GroupedBatchSampler: batches whose images share an aspect-ratio group.</summary>
public sealed class GroupedBatchSampler : IBatchSampler
{
    private readonly int[] _groupIds;
    private readonly int _batchSize;

    public GroupedBatchSampler(ISampler sampler, int[] groupIds, int batchSize)
    {
        Sampler = sampler;
        _groupIds = groupIds;
        _batchSize = batchSize;
    }

    public ISampler Sampler { get; }

    // Like detectron2, the number of batches is only an estimate: the buffers of a group may not fill.
    public long Count => Sampler.Count / _batchSize;

    public IEnumerator<long[]> GetEnumerator()
    {
        var buffers = new Dictionary<int, List<long>>();
        foreach (long idx in Sampler)
        {
            int group = _groupIds[idx];
            if (!buffers.TryGetValue(group, out var buffer)) buffers[group] = buffer = new List<long>(_batchSize);
            buffer.Add(idx);
            if (buffer.Count == _batchSize)
            {
                yield return buffer.ToArray();
                buffer.Clear();
            }
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class DetectionTraining
{
    public static int[] AspectRatioGroups(IReadOnlyList<(int Width, int Height)> sizes) =>
        sizes.Select(s => s.Width > s.Height ? 1 : 0).ToArray();

    public static void Train(nn.Module<Tensor, Tensor> model, InMemoryDataset images, IReadOnlyList<(int Width, int Height)> sizes, int maxEpochs)
    {
        var shard = new DistributedSampler(images.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 1234);
        using var loader = new EpochDataLoader(images,
            batchSampler: new GroupedBatchSampler(shard, AspectRatioGroups(sizes), batchSize: 2), workers: 4);
        var optimizer = optim.SGD(model.parameters(), 0.02, momentum: 0.9);

        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            switch (loader.Sampler)
            {
                case DistributedSampler ddp:
                    ddp.SetEpoch(epoch); //! CMP001
                    break;
                default:
                    break;
            }

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = model.call(batch["data"]).sum();
                loss.backward();
                optimizer.step();
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch} done ({loader.Count} batches)");
        }
    }
}
