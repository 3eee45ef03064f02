// Scenario: domain adaptation (Deep CORAL) zips a runtime EpochDataLoader over the labelled source domain with a TorchSharp DataLoader over the target domain that shuffles through an epoch-aware RandomSampler; both are told the epoch every epoch, the TorchSharp one through Epochs.SetEpoch (correct: no diagnostic).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int epochs = 25;
const double coralWeight = 1.0;

// MNIST -> USPS, both resized to 28x28 and stored as tensors
using var sourceSet = new FashionMnist("data/mnist", train: true);
var targetSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/usps28/x.pt"),
    ["label"] = torch.load("data/usps28/y.pt"),   // only used for the report below
});

using var source = new EpochDataLoader(sourceSet, batchSize: 128, shuffle: true, seed: 5, dropLast: true);
using var target = new DataLoader(targetSet, 128, new RandomSampler(targetSet.Count, seed: 6), drop_last: true);

var features = nn.Sequential(
    nn.Conv2d(1, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 48, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(48 * 4 * 4, 100), nn.ReLU());
var classifier = nn.Linear(100, 10);
var optimizer = optim.Adam(features.parameters().Concat(classifier.parameters()), 2e-4);

for (int epoch = 0; epoch < epochs; epoch++)
{
    source.SetEpoch(epoch);
    Epochs.SetEpoch(target, epoch);

    double cls = 0, coral = 0;
    int steps = 0;
    foreach (var (s, t) in source.Zip(target))
    {
        using var scope = NewDisposeScope();
        var fs = features.call(s["data"]);
        var ft = features.call(t["data"]);
        var clsLoss = nn.functional.cross_entropy(classifier.call(fs), s["label"]);
        var coralLoss = Coral(fs, ft);
        var loss = clsLoss + coralWeight * coralLoss;

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        cls += clsLoss.item<float>();
        coral += coralLoss.item<float>();
        steps++;
    }
    Console.WriteLine($"epoch {epoch}: cls {cls / steps:F4}  coral {coral / steps:F4}");
}

// squared Frobenius distance between the feature covariances, scaled by 1/(4 d^2)
static Tensor Coral(Tensor source, Tensor target)
{
    long d = source.shape[1];
    var cs = Covariance(source);
    var ct = Covariance(target);
    return (cs - ct).pow(2).sum() / (4.0 * d * d);
}

static Tensor Covariance(Tensor x)
{
    var centered = x - x.mean(new long[] { 0 }, keepdim: true);
    return centered.t().matmul(centered) / (x.shape[0] - 1);
}
