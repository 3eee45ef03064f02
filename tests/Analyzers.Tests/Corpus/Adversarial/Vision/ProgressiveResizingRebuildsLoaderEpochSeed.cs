// Scenario: progressive resizing that rebuilds the shuffling EpochDataLoader every epoch with seed: BaseSeed + epoch — right, its order changes across epochs without SetEpoch; nothing to report.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
const int TotalEpochs = 18;
const int BaseSeed = 42;
int[] sizes = [64, 64, 64, 64, 64, 64, 96, 96, 96, 96, 96, 96, 128, 128, 128, 128, 128, 128];
var normalize = new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, stride: 2, padding: 1)), ("bn1", nn.BatchNorm2d(32)), ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(32, 64, 3, stride: 2, padding: 1)), ("bn2", nn.BatchNorm2d(64)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, 10))).to(device);
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < TotalEpochs; epoch++)
{
    int size = sizes[epoch];
    // New resolution means new transforms, so the loader is rebuilt; the seed moves with the epoch.
    using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
        new ImageFolder("data/imagenette/train", new Compose(new Resize(size + 16), new RandomCrop(size), new RandomHorizontalFlip(), normalize)),
        ImageFolder.Collate, batchSize: 16384 / size, shuffle: true, seed: BaseSeed + epoch, device: device, workers: 4, disposeDataset: true);

    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
}
