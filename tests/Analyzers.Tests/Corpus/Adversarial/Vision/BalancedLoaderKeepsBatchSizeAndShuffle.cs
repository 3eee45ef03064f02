// Scenario: switching a long-tailed image loader to a ClassBalancedBatchSampler but leaving batchSize: 64 and shuffle: true in the call — wrong, the runtime rejects both next to a batch sampler (CMP006 twice).
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
const int Epochs = 30;

var folder = new ImageFolder("data/plant-disease/train", new Compose(new Resize(72), new RandomCrop(64), new RandomHorizontalFlip(),
    new Normalize([0.47f, 0.52f, 0.40f], [0.20f, 0.18f, 0.21f])));

// was: batchSize: 64, shuffle: true — added the balanced sampler for the rare diseases
var balanced = new ClassBalancedBatchSampler(folder.Labels, classesPerBatch: 16, samplesPerClass: 4, seed: 4);
using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(folder, ImageFolder.Collate, batchSize: 64, shuffle: true, batchSampler: balanced, device: device, workers: 2); //! CMP006 CMP006

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, folder.Classes.Count))).to(device);
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < Epochs; epoch++)
{
    train.SetEpoch(epoch);
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
}
