// Scenario: oversampling a small image folder with a RandomSampler (with replacement) passed as sampler: while keeping shuffle: true — wrong, the runtime rejects a sampler together with shuffle (CMP006).
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
int epochs = 40;

var folder = new ImageFolder("data/xray-pneumonia/train", new Compose(new Resize(136), new RandomCrop(128), new RandomHorizontalFlip(),
    new Normalize([0.48f], [0.24f])), channels: 1);

// Draw 3x the folder per epoch, with replacement, so the small set fills a longer epoch.
var oversample = new RandomSampler(folder.Count, seed: 99, replacement: true, numSamples: 3 * folder.Count);
using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(folder, ImageFolder.Collate, 32, true, oversample, device: device, workers: 4); //! CMP006

var model = nn.Sequential(
    ("conv1", nn.Conv2d(1, 16, 5, stride: 2, padding: 2)), ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(16, 32, 3, stride: 2, padding: 1)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(32, 2))).to(device);
var optimizer = optim.Adam(model.parameters(), lr: 5e-4);

for (int epoch = 0; epoch < epochs; epoch++)
{
    oversample.SetEpoch(epoch);
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
}
