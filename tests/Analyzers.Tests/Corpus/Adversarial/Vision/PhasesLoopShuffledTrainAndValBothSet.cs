// Scenario: a PyTorch-tutorial phases loop ("train", "val") choosing between a shuffled train loader and a shuffled validation loader, both told the epoch at the top of each epoch — right, nothing to report.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
int numEpochs = 25;
var normalize = new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/hymenoptera/train", new Compose(new Resize(136), new RandomCrop(128), new RandomHorizontalFlip(), normalize)),
    ImageFolder.Collate, batchSize: 16, shuffle: true, seed: 0, device: device, workers: 4, disposeDataset: true);
// Shuffled too, like the tutorial's dataloaders dict (BatchNorm statistics per batch look more like training).
using var val = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/hymenoptera/val", new Compose(new Resize(128, 128), normalize)),
    ImageFolder.Collate, batchSize: 16, shuffle: true, seed: 1, device: device, workers: 4, disposeDataset: true);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, stride: 2, padding: 1)), ("bn1", nn.BatchNorm2d(32)), ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(32, 64, 3, stride: 2, padding: 1)), ("bn2", nn.BatchNorm2d(64)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, 2))).to(device);
var optimizer = optim.SGD(model.parameters(), 0.001, momentum: 0.9);
var scheduler = optim.lr_scheduler.StepLR(optimizer, 7, 0.1);
double bestAcc = 0;

for (int epoch = 0; epoch < numEpochs; epoch++)
{
    Console.WriteLine($"Epoch {epoch}/{numEpochs - 1}");
    train.SetEpoch(epoch);
    val.SetEpoch(epoch);

    foreach (var phase in new[] { "train", "val" })
    {
        var loader = phase == "train" ? train : val;
        if (phase == "train") model.train(); else model.eval();

        double runningLoss = 0; long runningCorrects = 0, total = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            using var grad = set_grad_enabled(phase == "train");
            var outputs = model.call(batch["data"]);
            var loss = nn.functional.cross_entropy(outputs, batch["label"]);
            if (phase == "train")
            {
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            long n = batch["label"].shape[0];
            runningLoss += loss.item<float>() * n;
            runningCorrects += outputs.argmax(1).eq(batch["label"]).sum().item<long>();
            total += n;
        }
        if (phase == "train") scheduler.step();

        double epochAcc = (double)runningCorrects / total;
        Console.WriteLine($"{phase} Loss: {runningLoss / total:F4} Acc: {epochAcc:F4}");
        if (phase == "val" && epochAcc > bestAcc) bestAcc = epochAcc;
    }
}
Console.WriteLine($"Best val Acc: {bestAcc:F4}");
