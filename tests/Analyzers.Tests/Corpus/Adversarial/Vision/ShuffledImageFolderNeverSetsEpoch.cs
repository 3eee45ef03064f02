// Scenario: a CIFAR-style image-folder classifier whose shuffling EpochDataLoader is never told the epoch — wrong, every epoch replays epoch 0's order (CMP002).
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

const int Epochs = 30;
var device = cuda.is_available() ? CUDA : CPU;

var augment = new Compose(
    new RandomCrop(32, padding: 4),
    new RandomHorizontalFlip(),
    new Normalize([0.4914f, 0.4822f, 0.4465f], [0.247f, 0.243f, 0.261f]));

using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/cifar10/train", augment), ImageFolder.Collate,
    batchSize: 128, shuffle: true, seed: 42, device: device, workers: 4, disposeDataset: true);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, padding: 1)), ("bn1", nn.BatchNorm2d(32)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("bn2", nn.BatchNorm2d(64)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, 10))).to(device);
var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4);

for (int epoch = 0; epoch < Epochs; epoch++)
{
    model.train();
    double total = 0; long seen = 0;
    foreach (var batch in train) //! CMP002
    {
        using var scope = NewDisposeScope();
        var logits = model.call(batch["data"]);
        var loss = nn.functional.cross_entropy(logits, batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>() * batch["label"].shape[0];
        seen += batch["label"].shape[0];
    }
    Console.WriteLine($"epoch {epoch + 1}/{Epochs}: train loss {total / seen:F4}");
}
