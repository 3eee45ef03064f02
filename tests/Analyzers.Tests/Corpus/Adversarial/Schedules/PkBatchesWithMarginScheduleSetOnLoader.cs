// Scenario: metric learning with a P×K ClassBalancedBatchSampler as the loader's only sampling argument, a triplet margin schedule with its own SetEpoch, and train.SetEpoch(epoch) on the loader — right
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var device = torch.cuda.is_available() ? CUDA : CPU;
const int epochs = 60;

using var trainSet = new FashionMnist(train: true);
using var gallerySet = new FashionMnist(train: false);
long[] labels = trainSet.Columns["label"].data<long>().ToArray();

// P×K: all 10 classes × 8 samples each per batch
var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 8, seed: 3);
using var train = new EpochDataLoader(trainSet, batchSampler: pk, device: device);
using var gallery = new EpochDataLoader(gallerySet, batchSize: 500, device: device);

var embed = nn.Sequential(
    ("conv1", nn.Conv2d(1, 32, 3, padding: 1)), ("bn1", nn.BatchNorm2d(32)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("bn2", nn.BatchNorm2d(64)), ("relu2", nn.ReLU()), ("pool2", nn.AdaptiveAvgPool2d(1)),
    ("flatten", nn.Flatten()), ("proj", nn.Linear(64, 128)));
embed.to(device);
var optimizer = torch.optim.Adam(embed.parameters(), 3e-4);
var lrDecay = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma: 0.97);
var margin = new MarginSchedule(start: 0.1, end: 0.5, rampEpochs: 20);

for (int epoch = 0; epoch < epochs; epoch++)
{
    train.SetEpoch(epoch);   // new P×K draw
    margin.SetEpoch(epoch);  // harder triplets as training goes on

    embed.train();
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var z = nn.functional.normalize(embed.forward(batch["data"]), p: 2, dim: 1);
        var loss = BatchHardTriplet(z, batch["label"], margin.Value);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    lrDecay.step();

    if (epoch % 5 == 4)
    {
        embed.eval();
        using var _ = torch.no_grad();
        var norms = new List<float>();
        foreach (var batch in gallery)
            norms.Add(embed.forward(batch["data"]).norm().item<float>());
        Console.WriteLine($"epoch {epoch}: margin {margin.Value:F2}, mean gallery norm {norms.Average():F3}");
        embed.save($"checkpoints/embed_m{margin.Value:F2}_epoch{epoch}.bin");
    }
}

static Tensor BatchHardTriplet(Tensor z, Tensor y, double margin)
{
    var dist = torch.cdist(z, z);
    var same = y.unsqueeze(0).eq(y.unsqueeze(1));
    var hardestPositive = dist.masked_fill(same.logical_not(), 0).max(1).values;
    var hardestNegative = dist.masked_fill(same, float.PositiveInfinity).min(1).values;
    return nn.functional.relu(hardestPositive - hardestNegative + margin).mean();
}

sealed class MarginSchedule(double start, double end, int rampEpochs)
{
    public double Value { get; private set; } = start;
    public void SetEpoch(int epoch) => Value = start + (end - start) * Math.Min(1.0, epoch / (double)rampEpochs);
}
