// Scenario: a TorchSharp DataLoader<LabeledImage, …> given an epoch-aware RandomSampler as its shuffler, with Epochs.SetEpoch every epoch — right, nothing to report.
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
int epochs = 15;

var folder = new ImageFolder("data/pets/train", new Compose(new Resize(80), new RandomCrop(72), new RandomHorizontalFlip(),
    new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f])));

// Reproducible, but a new order every epoch: the sampler reshuffles from (seed, epoch).
var train = new DataLoader<LabeledImage, Dictionary<string, Tensor>>(folder, 32, (items, dev) => ImageFolder.Collate(items.ToList(), dev),
    new RandomSampler(folder.Count, seed: 1234), device: device);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, stride: 2, padding: 1)), ("bn1", nn.BatchNorm2d(32)), ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(32, 64, 3, stride: 2, padding: 1)), ("bn2", nn.BatchNorm2d(64)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, folder.Classes.Count))).to(device);
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < epochs; epoch++)
{
    Epochs.SetEpoch(train, epoch);
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
