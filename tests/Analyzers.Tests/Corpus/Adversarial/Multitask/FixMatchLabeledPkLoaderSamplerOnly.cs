// Scenario: FixMatch-style semi-supervised training with a class-balanced labelled loader (ClassBalancedBatchSampler) and a shuffled unlabelled loader; the unlabelled loader's epoch is set correctly, but the labelled one is told the epoch through its Sampler only, which misses the P×K batch sampler (wrong: CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int epochs = 200;
const int mu = 7;                 // unlabelled batch = mu x labelled batch
const double threshold = 0.95;
const double lambdaU = 1.0;

// 40 labels per class, the rest of the training set without labels
using var labeledSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/cifar10-40/labeled_x.pt"),
    ["label"] = torch.load("data/cifar10-40/labeled_y.pt"),
});
using var unlabeledSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["weak"] = torch.load("data/cifar10-40/unlabeled_weak.pt"),
    ["strong"] = torch.load("data/cifar10-40/unlabeled_strong.pt"),
});
long[] labels = labeledSet.Columns["label"].data<long>().ToArray();

// 8 classes x 8 images = 64 per labelled batch, every class seen equally often
using var labeled = new EpochDataLoader(labeledSet,
    batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 8, seed: 5));
using var unlabeled = new EpochDataLoader(unlabeledSet, batchSize: 64 * mu, shuffle: true, seed: 5, dropLast: true);

var model = nn.Sequential(
    nn.Conv2d(3, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(64 * 8 * 8, 256), nn.ReLU(), nn.Linear(256, 10));
var optimizer = optim.SGD(model.parameters(), 0.03, momentum: 0.9, weight_decay: 5e-4, nesterov: true);

for (int epoch = 0; epoch < epochs; epoch++)
{
    (labeled.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
    unlabeled.SetEpoch(epoch);

    using var unlabeledIt = unlabeled.GetEnumerator();
    double supervised = 0, consistency = 0;
    int steps = 0;
    foreach (var lb in labeled)
    {
        if (!unlabeledIt.MoveNext()) break;
        using var scope = NewDisposeScope();
        var ub = unlabeledIt.Current;

        var lossX = nn.functional.cross_entropy(model.call(lb["data"]), lb["label"]);

        Tensor pseudo, mask;
        using (no_grad())
        {
            var probs = nn.functional.softmax(model.call(ub["weak"]), 1);
            var (maxProbs, targets) = probs.max(1);
            pseudo = targets;
            mask = maxProbs.ge(threshold).to_type(ScalarType.Float32);
        }
        var lossU = (nn.functional.cross_entropy(model.call(ub["strong"]), pseudo, reduction: nn.Reduction.None) * mask).mean();

        var loss = lossX + lambdaU * lossU;
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        supervised += lossX.item<float>();
        consistency += lossU.item<float>();
        steps++;
    }
    Console.WriteLine($"epoch {epoch}: Lx {supervised / steps:F4}  Lu {consistency / steps:F4}");
}
