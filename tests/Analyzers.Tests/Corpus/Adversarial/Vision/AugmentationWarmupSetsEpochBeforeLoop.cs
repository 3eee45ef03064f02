// Scenario: per-epoch augmentation strength read from the sample's epoch, the loader told the epoch before each epoch's batch loop — right, nothing to report.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
int epochs = 24, warmup = 8;

var augment = new Compose(new Resize(40), new ProgressiveErasing(maxSide: 12, warmupEpochs: warmup), new RandomCrop(32), new RandomHorizontalFlip());
using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/svhn/train", augment), ImageFolder.Collate, batchSize: 256, shuffle: true, seed: 17, device: device, workers: 2, disposeDataset: true);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
    ("flat", nn.Flatten()), ("fc", nn.Linear(64 * 8 * 8, 10))).to(device);
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

for (int epoch = 0; epoch < epochs; epoch++)
{
    // The epoch drives both the shuffle and the erasing strength.
    train.SetEpoch(epoch);

    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
}

/// <summary>Random erasing whose box grows with the epoch until warm-up ends.</summary>
sealed class ProgressiveErasing(int maxSide, int warmupEpochs) : ITransform
{
    public Tensor Apply(Tensor input, SampleRandom random)
    {
        long h = input.shape[1], w = input.shape[2];
        int side = (int)(maxSide * Math.Min(1.0, random.Epoch / (double)warmupEpochs));
        if (side < 2 || !random.NextBoolean(0.5)) return input;
        int top = random.Next(0, (int)h - side), left = random.Next(0, (int)w - side);
        var output = input.clone();
        output[.., top..(top + side), left..(left + side)] = 0f;
        return output;
    }
}
