// Scenario: long-tailed image classification with a ClassBalancedBatchSampler; the loop reshuffles through train.Sampler only — wrong, the batch sampler is never told the epoch (CMP001).
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

const int NumEpochs = 40;
var device = cuda.is_available() ? CUDA : CPU;

// iNaturalist-style split: a few head classes with thousands of images, a long tail with a handful each.
var folder = new ImageFolder("data/inat-mini/train",
    new Compose(new Resize(80), new RandomCrop(64), new RandomHorizontalFlip(), new Normalize([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f])));
Console.WriteLine($"{folder.Classes.Count} classes, {folder.Count} images");

// 16 classes x 4 images per batch so tail classes show up as often as head classes.
var balanced = new ClassBalancedBatchSampler(folder.Labels, classesPerBatch: 16, samplesPerClass: 4, seed: 2024);
using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    folder, ImageFolder.Collate, batchSampler: balanced, device: device, workers: 4, disposeDataset: true);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, padding: 1)), ("bn1", nn.BatchNorm2d(32)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("bn2", nn.BatchNorm2d(64)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, folder.Classes.Count))).to(device);
var optimizer = optim.AdamW(model.parameters(), lr: 3e-4, weight_decay: 0.05);
var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, NumEpochs);

for (int epoch = 0; epoch < NumEpochs; epoch++)
{
    // reshuffle the class groups for this epoch
    if (train.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001

    model.train();
    int step = 0;
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"], label_smoothing: 0.1);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        if (++step % 100 == 0) Console.WriteLine($"epoch {epoch} step {step}: {loss.item<float>():F4}");
    }
    scheduler.step();
}
