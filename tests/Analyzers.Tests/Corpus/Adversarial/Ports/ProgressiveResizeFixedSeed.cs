// Scenario: fastai/timm-style progressive resizing: the loader is rebuilt at the start of every epoch for the scheduled image size, always with `seed: schedule.Seed` and never told the epoch, so every epoch shuffles the same way — wrong (CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.ProgressiveResizeFixedSeed;

public sealed record ResizeSchedule(int Epochs, int[] Sizes, int BatchSize, int Seed);

public static class ProgressiveResize
{
    public static void Train(ResizeSchedule schedule, Func<int, InMemoryDataset> datasetAtSize, nn.Module<Tensor, Tensor> model)
    {
        var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9, nesterov: true);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, schedule.Epochs);

        for (int epoch = 0; epoch < schedule.Epochs; epoch++)
        {
            int stage = Math.Min(epoch * schedule.Sizes.Length / schedule.Epochs, schedule.Sizes.Length - 1);
            int size = schedule.Sizes[stage];
            int batchSize = schedule.BatchSize * 224 * 224 / (size * size);

            using var loader = new EpochDataLoader(datasetAtSize(size), batchSize: batchSize, shuffle: true,
                seed: schedule.Seed, dropLast: true, disposeDataset: true);

            model.train();
            double lossSum = 0;
            foreach (var batch in loader) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.call(batch["image"]), batch["label"], label_smoothing: 0.1);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>();
            }
            scheduler.step();
            Console.WriteLine($"epoch {epoch} @ {size}px (batch {batchSize}): loss {lossSum / Math.Max(loader.Count, 1):F4}");
        }
    }
}
