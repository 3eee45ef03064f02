// Scenario: the epoch body became "async Task<double> TrainEpochAsync(model, optimizer, loader, epoch, ct)" awaited from the epoch loop; its first statement sets the image loader's epoch, so the augmented ImageFolder loader reshuffles every epoch (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Agri.PlantDisease;

public static class LeafClassifierTraining
{
    public static async Task RunAsync(string root, int epochs, string logFile, CancellationToken ct = default)
    {
        var augment = new Compose(
            new Resize(256),
            new RandomCrop(224, padding: 4),
            new RandomHorizontalFlip(),
            new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]));
        var folder = new ImageFolder(Path.Combine(root, "train"), augment);
        int classes = folder.Classes.Count;
        using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
            folder, ImageFolder.Collate, batchSize: 32, shuffle: true, seed: 42, workers: 4, disposeDataset: true);

        var model = nn.Sequential(
            ("conv1", nn.Conv2d(3, 32, kernel_size: 3, stride: 2, padding: 1)),
            ("bn1", nn.BatchNorm2d(32)),
            ("relu1", nn.ReLU()),
            ("conv2", nn.Conv2d(32, 64, kernel_size: 3, stride: 2, padding: 1)),
            ("relu2", nn.ReLU()),
            ("pool", nn.AdaptiveAvgPool2d(1)),
            ("flat", nn.Flatten()),
            ("fc", nn.Linear(64, classes)));
        using var optimizer = optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 0.05);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double loss = await TrainEpochAsync(model, optimizer, train, epoch, ct);
            await File.AppendAllTextAsync(logFile, $"{epoch}\t{loss:F5}{Environment.NewLine}", ct);
        }
    }

    static async Task<double> TrainEpochAsync(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer,
        EpochDataLoader<LabeledImage, Dictionary<string, Tensor>> loader, int epoch, CancellationToken ct)
    {
        loader.SetEpoch(epoch);
        model.train();
        double sum = 0;
        int steps = 0;
        foreach (var batch in loader)
        {
            ct.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            if (++steps % 50 == 0)
                await Task.Yield();   // let the host's progress UI update
        }
        return sum / Math.Max(1, steps);
    }
}
