// Scenario: fine-tuning a pretrained backbone, frozen then unfrozen, with the unfrozen phase continuing the epoch count (frozenEpochs + epoch) — right, nothing to report.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
int frozenEpochs = 2, unfrozenEpochs = 10;

using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/cars/train", new Compose(new Resize(136), new RandomCrop(128), new RandomHorizontalFlip(),
        new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]))),
    ImageFolder.Collate, batchSize: 32, shuffle: true, seed: 8, device: device, workers: 4, disposeDataset: true);

var backbone = nn.Sequential(
    ("conv1", nn.Conv2d(3, 64, 7, stride: 2, padding: 3)), ("bn1", nn.BatchNorm2d(64)), ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(64, 128, 3, stride: 2, padding: 1)), ("bn2", nn.BatchNorm2d(128)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()));
backbone.load("weights/backbone.dat");
var head = nn.Linear(128, 196);
var model = nn.Sequential(("backbone", backbone), ("head", head)).to(device);

foreach (var p in backbone.parameters()) p.requires_grad = false;
var optimizer = optim.SGD(head.parameters(), 0.01, momentum: 0.9);
for (int epoch = 0; epoch < frozenEpochs; epoch++)
{
    Epochs.SetEpoch(train, epoch);
    TrainOneEpoch(optimizer);
}

// Unfreeze: keep counting epochs so the second phase doesn't revisit the first phase's orders.
foreach (var p in backbone.parameters()) p.requires_grad = true;
optimizer = optim.SGD(model.parameters(), 0.001, momentum: 0.9);
for (int epoch = 0; epoch < unfrozenEpochs; epoch++)
{
    Epochs.SetEpoch(train, frozenEpochs + epoch);
    TrainOneEpoch(optimizer);
}

void TrainOneEpoch(optim.Optimizer opt)
{
    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        opt.zero_grad();
        loss.backward();
        opt.step();
    }
}
