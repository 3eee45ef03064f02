// Scenario: mixup that zips the training loader with a second shuffled loader over the same folder; only the first loader's epoch is set — wrong, the partner loader replays its order every epoch (CMP002 on the Zip argument).
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

const int Epochs = 50;
const double Alpha = 0.4;
var device = cuda.is_available() ? CUDA : CPU;
var augment = new Compose(new RandomCrop(32, padding: 4), new RandomHorizontalFlip(), new Normalize([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]));

using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/cifar100/train", augment), ImageFolder.Collate, batchSize: 128, shuffle: true, seed: 1, dropLast: true, device: device, disposeDataset: true);
// Second view of the same images, differently shuffled, to draw the mixing partners from.
using var partners = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/cifar100/train", augment), ImageFolder.Collate, batchSize: 128, shuffle: true, seed: 2, dropLast: true, device: device, disposeDataset: true);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 64, 3, padding: 1)), ("bn1", nn.BatchNorm2d(64)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(64, 128, 3, padding: 1)), ("bn2", nn.BatchNorm2d(128)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(128, 100))).to(device);
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9, nesterov: true);
var rng = new Random(0);

for (int epoch = 0; epoch < Epochs; epoch++)
{
    train.SetEpoch(epoch);
    model.train();
    foreach (var (a, b) in train.Zip(partners)) //! CMP002
    {
        using var scope = NewDisposeScope();
        // lambda ~ Beta(alpha, alpha) via two gamma draws
        double g1 = SampleGamma(rng, Alpha), g2 = SampleGamma(rng, Alpha);
        float lam = (float)(g1 / (g1 + g2));
        var mixed = a["data"] * lam + b["data"] * (1 - lam);
        var logits = model.call(mixed);
        var loss = lam * nn.functional.cross_entropy(logits, a["label"]) + (1 - lam) * nn.functional.cross_entropy(logits, b["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
}

static double SampleGamma(Random rng, double shape)
{
    // Marsaglia–Tsang, boosted for shape < 1
    if (shape < 1) return SampleGamma(rng, shape + 1) * Math.Pow(rng.NextDouble(), 1 / shape);
    double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
    while (true)
    {
        double x = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        double v = Math.Pow(1 + c * x, 3);
        if (v > 0 && Math.Log(1 - rng.NextDouble()) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
    }
}
