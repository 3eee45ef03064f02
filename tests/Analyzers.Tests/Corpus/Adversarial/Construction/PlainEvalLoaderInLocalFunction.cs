// Scenario: A top-level script trains from TorchSharp's DataLoader(shuffle: true) without a seed and, each epoch, calls a local function that iterates a plain EpochDataLoader (no shuffle, no sampler) for validation; nothing here depends on the epoch (negative).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);
using var train = new DataLoader(trainSet, 100, shuffle: true, disposeDataset: false);
using var validation = new EpochDataLoader(testSet, batchSize: 1000);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(1, 32, 3, padding: 1)),
    ("bn1", nn.BatchNorm2d(32)),
    ("act1", nn.ReLU()),
    ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)),
    ("bn2", nn.BatchNorm2d(64)),
    ("act2", nn.ReLU()),
    ("pool2", nn.MaxPool2d(2)),
    ("flatten", nn.Flatten()),
    ("fc", nn.Linear(64 * 7 * 7, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
var best = 0.0;

double Validate()
{
    model.eval();
    long correct = 0;
    using var _ = no_grad();
    foreach (var batch in validation)
    {
        using var scope = NewDisposeScope();
        correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    }
    return (double)correct / testSet.Count;
}

for (int epoch = 0; epoch < 15; epoch++)
{
    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
        optimizer.step();
    }
    double accuracy = Validate();
    if (accuracy > best)
    {
        best = accuracy;
        model.save("best.bin");
    }
    Console.WriteLine($"epoch {epoch}: {accuracy:P2} (best {best:P2})");
}
