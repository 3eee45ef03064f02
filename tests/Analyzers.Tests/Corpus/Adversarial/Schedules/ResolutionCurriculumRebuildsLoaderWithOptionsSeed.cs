// Scenario: progressive-resizing curriculum that rebuilds a shuffling TorchSharp DataLoader each epoch at the new resolution, seeded with options.Seed — wrong (the seed is the same on every pass, so every epoch has one order)
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lab.Curriculum;

public sealed class ResizeOptions
{
    public int Seed { get; init; } = 17;
    public int Epochs { get; init; } = 18;
    public int BatchSize { get; init; } = 128;
    public int MinSize { get; init; } = 14;
    public int MaxSize { get; init; } = 28;
}

public static class ProgressiveResizing
{
    public static void Fit(InMemoryDataset images, ResizeOptions options)
    {
        var model = nn.Sequential(
            ("conv1", nn.Conv2d(1, 32, 3, padding: 1)), ("relu1", nn.ReLU()),
            ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("relu2", nn.ReLU()),
            ("pool", nn.AdaptiveAvgPool2d(1)), ("flatten", nn.Flatten()), ("fc", nn.Linear(64, 10)));
        var optimizer = torch.optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        var scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: options.Epochs);

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            // small images first, full resolution for the last third
            double t = Math.Min(1.0, epoch / (options.Epochs * 2.0 / 3.0));
            int size = options.MinSize + (int)Math.Round(t * (options.MaxSize - options.MinSize));

            using var resized = new ResizedView(images, size);
            using var loader = new DataLoader(resized, options.BatchSize, shuffle: true, seed: options.Seed, disposeDataset: false); //! CMP003

            model.train();
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            scheduler.step();
            Console.WriteLine($"epoch {epoch}: {size}x{size}, lr {scheduler.get_last_lr().First():G3}");
        }
    }
}

sealed class ResizedView(InMemoryDataset source, int size) : torch.utils.data.Dataset
{
    public override long Count => source.Count;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var sample = source.GetTensor(index);
        var image = nn.functional.interpolate(sample["data"].unsqueeze(0), size: [size, size], mode: InterpolationMode.Bilinear, align_corners: false).squeeze(0);
        return new Dictionary<string, Tensor> { ["data"] = image, ["label"] = sample["label"] };
    }
}
