// Scenario: fine-tuning a pretrained backbone, frozen then unfrozen; the unfrozen phase sets the loader's epoch to the length of the frozen phase on every pass — wrong, that phase replays one order (CMP004).
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
int frozenEpochs = 3, unfrozenEpochs = 12;

using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/birds/train", new Compose(new Resize(136), new RandomCrop(128), new RandomHorizontalFlip(),
        new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]))),
    ImageFolder.Collate, batchSize: 48, shuffle: true, seed: 21, device: device, workers: 4, disposeDataset: true);

var backbone = nn.Sequential(
    ("conv1", nn.Conv2d(3, 64, 7, stride: 2, padding: 3)), ("bn1", nn.BatchNorm2d(64)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(3, stride: 2, padding: 1)),
    ("conv2", nn.Conv2d(64, 128, 3, stride: 2, padding: 1)), ("bn2", nn.BatchNorm2d(128)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()));
backbone.load("weights/backbone-imagenet.dat");
var head = nn.Linear(128, 200);
var model = nn.Sequential(("backbone", backbone), ("head", head)).to(device);

// Phase 1: train the head only.
foreach (var p in backbone.parameters()) p.requires_grad = false;
var headOptimizer = optim.Adam(head.parameters(), lr: 1e-3);
for (int epoch = 0; epoch < frozenEpochs; epoch++)
{
    train.SetEpoch(epoch);
    RunEpoch(headOptimizer);
}

// Phase 2: unfreeze everything with a smaller learning rate.
foreach (var p in backbone.parameters()) p.requires_grad = true;
var fullOptimizer = optim.Adam(model.parameters(), lr: 1e-4);
for (int epoch = 0; epoch < unfrozenEpochs; epoch++)
{
    train.SetEpoch(frozenEpochs); //! CMP004
    RunEpoch(fullOptimizer);
}

void RunEpoch(optim.Optimizer optimizer)
{
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
