// Scenario: progressive resizing with TorchSharp's DataLoader rebuilt per stage at the new image size, shuffle: true and the same seed 1234 every stage: every epoch of every stage sees one order: wrong (CMP003).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lab.Resizing;

public sealed record ResizeStage(int ImageSize, int BatchSize, int Epochs, double LearningRate);

public static class ProgressiveResizing
{
    public static void Train(nn.Module<Tensor, Tensor> convNet, Tensor images, Tensor labels, IEnumerable<ResizeStage> stages)
    {
        using var optimizer = optim.SGD(convNet.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4);
        int globalEpoch = 0;

        foreach (var stage in stages)
        {
            using var resized = nn.functional.interpolate(images,
                size: new long[] { stage.ImageSize, stage.ImageSize }, mode: InterpolationMode.Bilinear, align_corners: false);
            using var data = new InMemoryDataset(new Dictionary<string, Tensor>
            {
                ["data"] = resized.clone(),
                ["label"] = labels.clone(),
            });
            using var loader = new DataLoader(data, stage.BatchSize, shuffle: true, seed: 1234); //! CMP003

            foreach (var group in optimizer.ParamGroups) group.LearningRate = stage.LearningRate;

            for (int epoch = 0; epoch < stage.Epochs; epoch++, globalEpoch++)
            {
                convNet.train();
                double sum = 0;
                long seen = 0;
                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    using var logits = convNet.call(batch["data"]);
                    using var loss = nn.functional.cross_entropy(logits, batch["label"]);
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>() * batch["label"].shape[0];
                    seen += batch["label"].shape[0];
                }
                Console.WriteLine($"[{stage.ImageSize}px] epoch {globalEpoch}: loss {sum / Math.Max(1, seen):F4}");
            }
        }
    }
}
