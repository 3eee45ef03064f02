// Scenario: per-epoch augmentation strength read from the sample's epoch, with the loader's epoch set on the first batch inside the batch loop — wrong, it is set one epoch late (CMP005).
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

const int Epochs = 30;
var device = cuda.is_available() ? CUDA : CPU;

// Crops get more aggressive over the first 10 epochs; flips and normalisation as usual.
var augment = new Compose(new Resize(72), new WarmupJitter(maxShift: 8, warmupEpochs: 10), new RandomCrop(64), new RandomHorizontalFlip(),
    new Normalize([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]));
using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/food-101/train", augment), ImageFolder.Collate, batchSize: 64, shuffle: true, seed: 3, device: device, workers: 4, disposeDataset: true);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, 101))).to(device);
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < Epochs; epoch++)
{
    model.train();
    int step = 0;
    foreach (var batch in train)
    {
        if (step == 0) train.SetEpoch(epoch); //! CMP005
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        step++;
    }
    Console.WriteLine($"epoch {epoch}: {step} steps");
}

/// <summary>Shifts the image by up to maxShift pixels, scaled up linearly with the epoch during warm-up.</summary>
sealed class WarmupJitter(int maxShift, int warmupEpochs) : ITransform
{
    public Tensor Apply(Tensor input, SampleRandom random)
    {
        double strength = Math.Min(1.0, (random.Epoch + 1) / (double)warmupEpochs);
        int limit = (int)Math.Round(maxShift * strength);
        if (limit == 0) return input;
        int dy = random.Next(-limit, limit + 1), dx = random.Next(-limit, limit + 1);
        return input.roll([dy, dx], [1, 2]);
    }
}
