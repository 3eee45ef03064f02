// Scenario: picks CUDA with a CPU fallback and builds a shuffling EpochDataLoader that puts batches on that device, but never sets the loader's epoch in the epoch loop — wrong (CMP002); the unshuffled eval loader on the CPU needs no epoch.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

// Prefer the first GPU; fall back to the CPU on laptops and CI runners.
Device device = cuda.is_available() ? CUDA : CPU;
Console.WriteLine($"Training on {device.type}");

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);

using var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 2024, device: device, prefetch: true);
// The test set is gathered on the CPU; its batches are moved to the device one at a time.
using var test = new EpochDataLoader(testSet, batchSize: 512, device: CPU);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(28 * 28, 256)),
    ("relu", nn.ReLU()),
    ("drop", nn.Dropout(0.2)),
    ("fc2", nn.Linear(256, 10)));
model.to(device);

var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);
const int epochs = 10;

for (int epoch = 0; epoch < epochs; epoch++)
{
    model.train();
    double running = 0;
    long steps = 0;
    foreach (var batch in train) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var logits = model.call(batch["data"]);
        var loss = nn.functional.cross_entropy(logits, batch["label"]);
        loss.backward();
        optimizer.step();
        running += loss.item<float>();
        steps++;
    }

    // The test batches come off the CPU loader; move each one over before the forward pass.
    model.eval();
    long correct = 0, seen = 0;
    using (no_grad())
    {
        foreach (var batch in test)
        {
            using var scope = NewDisposeScope();
            var x = batch["data"].to(device);
            var y = batch["label"].to(device);
            var predicted = model.call(x).argmax(1);
            correct += predicted.eq(y).sum().item<long>();
            seen += y.shape[0];
        }
    }

    Console.WriteLine($"epoch {epoch}: loss {running / steps:F4}, test accuracy {(double)correct / seen:P2}");
}
