// Scenario: cutmix pairing two shuffled image loaders, both told the epoch through a loop over an array of the two — right, nothing to report.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
int epochs = 60;
var augment = new Compose(new RandomCrop(64, padding: 8), new RandomHorizontalFlip(), new Normalize([0.48f, 0.45f, 0.40f], [0.27f, 0.26f, 0.28f]));

using var source = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/tiny-imagenet/train", augment), ImageFolder.Collate, batchSize: 96, shuffle: true, seed: 100, dropLast: true, device: device, disposeDataset: true);
using var patches = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/tiny-imagenet/train", augment), ImageFolder.Collate, batchSize: 96, shuffle: true, seed: 200, dropLast: true, device: device, disposeDataset: true);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 48, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(48, 96, 3, padding: 1)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(96, 200))).to(device);
var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);
var rng = new Random(5);

for (int epoch = 0; epoch < epochs; epoch++)
{
    foreach (var loader in new[] { source, patches })
        loader.SetEpoch(epoch);

    model.train();
    foreach (var (x, y) in source.Zip(patches))
    {
        using var scope = NewDisposeScope();
        // paste a random box from y into x, mix the labels by area
        int side = rng.Next(8, 40), top = rng.Next(0, 64 - side), left = rng.Next(0, 64 - side);
        var images = x["data"].clone();
        images[.., .., top..(top + side), left..(left + side)] = y["data"][.., .., top..(top + side), left..(left + side)];
        float lam = 1f - side * side / (64f * 64f);
        var logits = model.call(images);
        var loss = lam * nn.functional.cross_entropy(logits, x["label"]) + (1 - lam) * nn.functional.cross_entropy(logits, y["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
}
