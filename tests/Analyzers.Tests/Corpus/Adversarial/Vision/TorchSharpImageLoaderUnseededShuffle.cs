// Scenario: a quick TorchSharp DataLoader<LabeledImage, …> with shuffle: true and no seed, iterated every epoch — not reproducible but a fresh order each epoch; out of scope for every rule, nothing to report.
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;

// Throwaway baseline for the satellite tiles; reproducibility not needed yet.
var folder = new ImageFolder("data/eurosat/train", new Compose(new RandomHorizontalFlip(), new Normalize([0.34f, 0.38f, 0.41f], [0.20f, 0.14f, 0.12f])));
var train = new DataLoader<LabeledImage, Dictionary<string, Tensor>>(folder, 64, (items, dev) => ImageFolder.Collate(items.ToList(), dev), shuffle: true);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 16, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(4)),
    ("conv2", nn.Conv2d(16, 32, 3, padding: 1)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(32, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 3e-3);

for (int epoch = 1; epoch <= 10; epoch++)
{
    long correct = 0, seen = 0;
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var logits = model.call(batch["data"]);
        var loss = nn.functional.cross_entropy(logits, batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        correct += logits.argmax(1).eq(batch["label"]).sum().item<long>();
        seen += batch["label"].shape[0];
    }
    Console.WriteLine($"epoch {epoch}: train acc {(double)correct / seen:P1}");
}
