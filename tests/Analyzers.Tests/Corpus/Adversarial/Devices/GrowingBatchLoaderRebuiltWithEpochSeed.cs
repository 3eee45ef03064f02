// Scenario: batch-size warm-up that rebuilds the TorchSharp DataLoader every epoch with a larger batch and seed BaseSeed + epoch — the seed changes on every pass, so the order does too; nothing to report.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int BaseSeed = 31337;
const int epochs = 16;
var device = cuda.is_available() ? CUDA : CPU;
var data = new FashionMnist();

var model = nn.Sequential(
    nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(32 * 12 * 12, 10));
model.to(device);
var optimizer = optim.SGD(model.parameters(), learningRate: 0.02, momentum: 0.9);

// Double the batch every four epochs (32 → 256), scaling the learning rate with it.
static int BatchSizeFor(int epoch) => 32 << Math.Min(3, epoch / 4);

for (int epoch = 0; epoch < epochs; epoch++)
{
    int batchSize = BatchSizeFor(epoch);
    using var loader = new DataLoader(data, batchSize, shuffle: true, device: device, seed: BaseSeed + epoch, disposeDataset: false);
    foreach (var group in optimizer.ParamGroups) group.LearningRate = 0.02 * batchSize / 32;

    model.train();
    double total = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        nn.utils.clip_grad_norm_(model.parameters(), 5.0);
        optimizer.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: batch {batchSize}, loss {total / loader.Count:F4}");
}
