// Scenario: an image-folder classifier that calls Epochs.SetEpoch on its shuffling loader at the top of every epoch and evaluates an unshuffled validation loader — right, nothing to report.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

int epochs = args.Length > 0 ? int.Parse(args[0]) : 20;
var device = cuda.is_available() ? CUDA : CPU;
var normalize = new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/flowers/train", new Compose(new Resize(72), new RandomCrop(64), new RandomHorizontalFlip(), normalize)),
    ImageFolder.Collate, batchSize: 64, shuffle: true, seed: 7, device: device, workers: 2, disposeDataset: true);

// Validation: center-ish resize only, read in file order.
using var val = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/flowers/val", new Compose(new Resize(64, 64), normalize)),
    ImageFolder.Collate, batchSize: 128, device: device, disposeDataset: true);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, 102))).to(device);
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < epochs; epoch++)
{
    Epochs.SetEpoch(train, epoch); // new order and new crops/flips this epoch

    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    model.eval();
    long correct = 0, count = 0;
    using (no_grad())
    {
        foreach (var batch in val)
        {
            using var scope = NewDisposeScope();
            var pred = model.call(batch["data"]).argmax(1);
            correct += pred.eq(batch["label"]).sum().item<long>();
            count += batch["label"].shape[0];
        }
    }
    Console.WriteLine($"epoch {epoch}: val acc {(double)correct / count:P2}");
}
