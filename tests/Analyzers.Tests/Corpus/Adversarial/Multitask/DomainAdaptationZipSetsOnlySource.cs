// Scenario: DANN domain adaptation zips a labelled source loader with an unlabelled target loader, both shuffled; the epoch is set on the source loader only, so the target images come in the same order every epoch (wrong: CMP002 on target in the Zip).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
var augment = new Compose(new Resize(256), new RandomCrop(224), new RandomHorizontalFlip(),
    new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]));

// Office-31: amazon (product shots, labelled) -> webcam (no labels used)
using var source = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/office31/amazon", augment), ImageFolder.Collate,
    batchSize: 32, shuffle: true, dropLast: true, device: device, seed: 1, workers: 4, disposeDataset: true);
using var target = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/office31/webcam", augment), ImageFolder.Collate,
    batchSize: 32, shuffle: true, dropLast: true, device: device, seed: 2, workers: 4, disposeDataset: true);

var features = nn.Sequential(
    nn.Conv2d(3, 32, 5, stride: 2), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 5, stride: 2), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten()).to(device);
var classifier = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 31)).to(device);
var discriminator = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 1)).to(device);

var parameters = features.parameters().Concat(classifier.parameters()).Concat(discriminator.parameters());
var optimizer = optim.SGD(parameters, 0.01, momentum: 0.9, weight_decay: 5e-4);

const int epochs = 30;
long totalSteps = epochs * Math.Min(source.Count, target.Count);
long globalStep = 0;

for (int epoch = 0; epoch < epochs; epoch++)
{
    source.SetEpoch(epoch);

    double clsLoss = 0, domLoss = 0;
    int steps = 0;
    foreach (var (src, tgt) in source.Zip(target)) //! CMP002
    {
        using var scope = NewDisposeScope();
        // Ganin & Lempitsky schedule for the gradient reversal strength
        double p = (double)globalStep++ / totalSteps;
        double lambda = 2.0 / (1.0 + Math.Exp(-10 * p)) - 1.0;

        var fs = features.call(src["data"]);
        var ft = features.call(tgt["data"]);
        var cls = nn.functional.cross_entropy(classifier.call(fs), src["label"]);

        var both = GradReverse(cat(new[] { fs, ft }, 0), lambda);
        var domainLabels = cat(new[] { ones(fs.shape[0], 1, device: device), zeros(ft.shape[0], 1, device: device) }, 0);
        var dom = nn.functional.binary_cross_entropy_with_logits(discriminator.call(both), domainLabels);

        optimizer.zero_grad();
        (cls + dom).backward();
        optimizer.step();

        clsLoss += cls.item<float>();
        domLoss += dom.item<float>();
        steps++;
    }

    Console.WriteLine($"epoch {epoch + 1}/{epochs}  cls {clsLoss / steps:F4}  domain {domLoss / steps:F4}");
}

// identity forward, gradient multiplied by -lambda on the way back
static Tensor GradReverse(Tensor x, double lambda) => x.detach() + (x - x.detach()) * (-lambda);
