// Scenario: beginner copies the README's ImageFolder snippet exactly (augmentations, typed EpochDataLoader with shuffle: true, seed: 42, workers: 2) for a cats-vs-dogs folder and calls `train.SetEpoch(epoch)` at the start of each epoch; the val loader is unshuffled: right, no diagnostic
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// copied from the README, only changed the folder
var augment = new Compose(new RandomCrop(32, padding: 4), new RandomHorizontalFlip(), new Normalize([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]));
using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/train", augment), ImageFolder.Collate, batchSize: 128, shuffle: true, seed: 42, workers: 2, disposeDataset: true);

// validation images: no random crop/flip, just resize + normalize
var valTransform = new Compose(new Resize(32, 32), new Normalize([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]));
using var val = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/val", valTransform), ImageFolder.Collate, batchSize: 128, workers: 2, disposeDataset: true);

var model = Sequential(
    ("conv1", Conv2d(3, 16, 3, padding: 1)),
    ("bn1", BatchNorm2d(16)),
    ("relu1", ReLU()),
    ("pool1", MaxPool2d(2)),
    ("conv2", Conv2d(16, 32, 3, padding: 1)),
    ("bn2", BatchNorm2d(32)),
    ("relu2", ReLU()),
    ("pool2", MaxPool2d(2)),
    ("flatten", Flatten()),
    ("fc", Linear(32 * 8 * 8, 2)));   // cat, dog
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);

for (int epoch = 0; epoch < 30; epoch++)
{
    train.SetEpoch(epoch);

    model.train();
    var trainLoss = 0.0;
    var batches = 0;
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        trainLoss += loss.item<float>();
        batches++;
        Console.Write($"\r  {batches}/{train.Count}");
    }

    model.eval();
    var correct = 0L;
    var total = 0L;
    using (torch.no_grad())
    {
        foreach (var batch in val)
        {
            using var scope = torch.NewDisposeScope();
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
    }
    Console.WriteLine($"\repoch {epoch}: loss {trainLoss / batches:F3}, val acc {(double)correct / total:P1}");
}
