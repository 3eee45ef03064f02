// Scenario: SimCLR pre-training builds two view loaders over the same image folder, each drawing from a BatchSampler over a RandomSampler with the same seed so the indices line up; every epoch it sets each loader's Sampler only, which is a SequentialSampler behind a batch sampler, so both views replay epoch 0's order (wrong: CMP001 twice).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const string root = "data/stl10/unlabeled";
const int batchSize = 256;
const int epochs = 100;
const double temperature = 0.5;

var strong = new Compose(new RandomCrop(96, padding: 8), new RandomHorizontalFlip(),
    new Normalize([0.44f, 0.43f, 0.40f], [0.26f, 0.26f, 0.27f]));
var imagesA = new ImageFolder(root, strong);
var imagesB = new ImageFolder(root, strong);

// Same sampler seed -> sample i of batch k is the same image in both views.
// Different loader seeds -> different crops and flips of that image.
using var viewA = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(imagesA, ImageFolder.Collate,
    batchSampler: new BatchSampler(new RandomSampler(imagesA.Count, seed: 2024), batchSize, dropLast: true),
    seed: 1, workers: 4, disposeDataset: true);
using var viewB = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(imagesB, ImageFolder.Collate,
    batchSampler: new BatchSampler(new RandomSampler(imagesB.Count, seed: 2024), batchSize, dropLast: true),
    seed: 2, workers: 4, disposeDataset: true);

var encoder = nn.Sequential(
    nn.Conv2d(3, 64, 3, padding: 1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(64, 128, 3, padding: 1), nn.BatchNorm2d(128), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(128, 256, 3, padding: 1), nn.BatchNorm2d(256), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten());
var projector = nn.Sequential(nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 128));
var optimizer = optim.Adam(encoder.parameters().Concat(projector.parameters()), 3e-4);

for (int epoch = 0; epoch < epochs; epoch++)
{
    // reshuffle both views the same way
    if (viewA.Sampler is IEpochAware a) a.SetEpoch(epoch); //! CMP001
    if (viewB.Sampler is IEpochAware b) b.SetEpoch(epoch); //! CMP001

    double total = 0;
    int steps = 0;
    using var itB = viewB.GetEnumerator();
    foreach (var batchA in viewA)
    {
        if (!itB.MoveNext()) break;
        using var scope = NewDisposeScope();
        var za = projector.call(encoder.call(batchA["data"]));
        var zb = projector.call(encoder.call(itB.Current["data"]));
        var loss = NtXent(za, zb, temperature);

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
        steps++;
    }
    Console.WriteLine($"epoch {epoch}: nt-xent {total / Math.Max(steps, 1):F4}");
}

static Tensor NtXent(Tensor za, Tensor zb, double t)
{
    long n = za.shape[0];
    var z = nn.functional.normalize(cat(new[] { za, zb }, 0), dim: 1);
    var sim = z.matmul(z.t()) / t;
    sim = sim.masked_fill(eye(2 * n, dtype: ScalarType.Bool, device: z.device), double.NegativeInfinity);
    var targets = cat(new[] { arange(n, 2 * n), arange(0, n) }).to(z.device);
    return nn.functional.cross_entropy(sim, targets);
}
