// Scenario: torchvision's references/detection/train.py ported: the loader draws from a GroupedBatchSampler (aspect-ratio groups) or a BatchSampler over the train sampler, and each epoch the train sampler inside it is told the epoch, as in `train_sampler.set_epoch(epoch)` — correct.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.TorchvisionDetectionGroupedBatchSampler;

/// <summary>torchvision's GroupedBatchSampler: batches whose images share an aspect-ratio group.</summary>
public sealed class GroupedBatchSampler(ISampler sampler, IReadOnlyList<int> groupIds, int batchSize) : IBatchSampler
{
    public long Count => sampler.Count / batchSize;

    public IEnumerator<long[]> GetEnumerator()
    {
        var buffers = new Dictionary<int, List<long>>();
        long yielded = 0;
        foreach (var idx in sampler)
        {
            int group = groupIds[(int)idx];
            if (!buffers.TryGetValue(group, out var buffer)) buffers[group] = buffer = new List<long>();
            buffer.Add(idx);
            if (buffer.Count < batchSize) continue;
            yield return buffer.ToArray();
            buffer.Clear();
            if (++yielded == Count) yield break;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed record DetectionArgs(int BatchSize = 2, int Epochs = 26, int AspectRatioGroupFactor = 3, bool Distributed = false, int Seed = 0, int Workers = 4, double Lr = 0.02);

public static class DetectionReference
{
    public static void Run(DetectionArgs args, InMemoryDataset dataset, IReadOnlyList<int> aspectGroups, nn.Module<Tensor, Tensor> model)
    {
        ISampler trainSampler = args.Distributed
            ? new DistributedSampler(dataset.Count, seed: args.Seed)
            : new RandomSampler(dataset.Count, seed: args.Seed);

        IBatchSampler trainBatchSampler = args.AspectRatioGroupFactor >= 0
            ? new GroupedBatchSampler(trainSampler, aspectGroups, args.BatchSize)
            : new BatchSampler(trainSampler, args.BatchSize, dropLast: true);

        using var dataLoader = new EpochDataLoader(dataset, batchSampler: trainBatchSampler, workers: args.Workers);
        var optimizer = optim.SGD(model.parameters(), args.Lr, momentum: 0.9, weight_decay: 1e-4);
        var lrScheduler = optim.lr_scheduler.MultiStepLR(optimizer, new List<int> { 16, 22 }, 0.1);

        for (int epoch = 0; epoch < args.Epochs; epoch++)
        {
            if (trainSampler is IEpochAware s) s.SetEpoch(epoch);
            model.train();
            foreach (var (images, i) in dataLoader.Select((b, i) => (b, i)))
            {
                using var scope = NewDisposeScope();
                var lossDict = new Dictionary<string, Tensor>
                {
                    ["loss_classifier"] = nn.functional.cross_entropy(model.call(images["image"]), images["label"]),
                };
                var losses = lossDict.Values.Aggregate((a, b) => a + b);
                optimizer.zero_grad();
                losses.backward();
                optimizer.step();
                if (i % 20 == 0) Console.WriteLine($"Epoch: [{epoch}] [{i}/{dataLoader.Count}] loss: {losses.item<float>():F4}");
            }
            lrScheduler.step();
        }
    }
}
