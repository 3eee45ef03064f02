// Scenario: Barlow Twins reads two augmented views from two image-folder loaders whose batch samplers share a seed; it sets both whole loaders to epoch 0 before the loop and, at the end of each epoch, to epoch + 1 for the next one (correct: no diagnostic).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const string root = "data/imagenette/train";
const int epochs = 50;
const int batchSize = 128;
const double lambdaOffDiag = 5e-3;

var augment = new Compose(new Resize(80), new RandomCrop(64), new RandomHorizontalFlip(),
    new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]));
var first = new ImageFolder(root, augment);
var second = new ImageFolder(root, augment);

// identical index order in both loaders, different augmentation seeds
using var viewA = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(first, ImageFolder.Collate,
    batchSampler: new BatchSampler(new RandomSampler(first.Count, seed: 77), batchSize, dropLast: true),
    seed: 10, workers: 3, disposeDataset: true);
using var viewB = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(second, ImageFolder.Collate,
    batchSampler: new BatchSampler(new RandomSampler(second.Count, seed: 77), batchSize, dropLast: true),
    seed: 20, workers: 3, disposeDataset: true);

var backbone = nn.Sequential(
    nn.Conv2d(3, 64, 3, stride: 2, padding: 1), nn.BatchNorm2d(64), nn.ReLU(),
    nn.Conv2d(64, 128, 3, stride: 2, padding: 1), nn.BatchNorm2d(128), nn.ReLU(),
    nn.AdaptiveAvgPool2d(1), nn.Flatten());
var projector = nn.Sequential(nn.Linear(128, 512), nn.BatchNorm1d(512), nn.ReLU(), nn.Linear(512, 512));
var optimizer = optim.Adam(backbone.parameters().Concat(projector.parameters()), 1e-3);

viewA.SetEpoch(0);
viewB.SetEpoch(0);
for (int epoch = 0; epoch < epochs; epoch++)
{
    double total = 0;
    int steps = 0;
    using (var itB = viewB.GetEnumerator())
    {
        foreach (var a in viewA)
        {
            if (!itB.MoveNext()) break;
            using var scope = NewDisposeScope();
            var za = projector.call(backbone.call(a["data"]));
            var zb = projector.call(backbone.call(itB.Current["data"]));
            var loss = BarlowTwinsLoss(za, zb, lambdaOffDiag);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            steps++;
        }
    }

    // ready for the next epoch before we write the checkpoint
    viewA.SetEpoch(epoch + 1);
    viewB.SetEpoch(epoch + 1);
    backbone.save($"checkpoints/barlow-backbone-{epoch:D3}.dat");
    Console.WriteLine($"epoch {epoch}: {total / Math.Max(steps, 1):F2}");
}

static Tensor BarlowTwinsLoss(Tensor za, Tensor zb, double lambda)
{
    long n = za.shape[0];
    var a = (za - za.mean(new long[] { 0 })) / za.std(0);
    var b = (zb - zb.mean(new long[] { 0 })) / zb.std(0);
    var c = a.t().matmul(b) / n;
    var onDiag = (c.diagonal() - 1).pow(2).sum();
    var offDiag = c.pow(2).sum() - c.diagonal().pow(2).sum();
    return onDiag + lambda * offDiag;
}
