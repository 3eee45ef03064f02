// Scenario: in-batch mixup over a loader driven by a RandomSampler, read through a stored enumerator; the sampler's epoch is set on the first MoveNext — wrong, the order is already fixed (CMP005).
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
const int Epochs = 35;

var folder = new ImageFolder("data/stl10/train", new Compose(new RandomCrop(96, padding: 8), new RandomHorizontalFlip(),
    new Normalize([0.45f, 0.44f, 0.41f], [0.26f, 0.26f, 0.27f])));
var order = new RandomSampler(folder.Count, seed: 9);
using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    folder, ImageFolder.Collate, batchSize: 64, sampler: order, device: device, disposeDataset: true);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 5, stride: 2, padding: 2)), ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(32, 64, 3, stride: 2, padding: 1)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, 10))).to(device);
var optimizer = optim.AdamW(model.parameters(), lr: 2e-3);

for (int epoch = 0; epoch < Epochs; epoch++)
{
    model.train();
    using var it = train.GetEnumerator();
    long step = 0;
    while (it.MoveNext())
    {
        if (step == 0) order.SetEpoch(epoch); //! CMP005
        using var scope = NewDisposeScope();
        var images = it.Current["data"];
        var labels = it.Current["label"];
        // mix each image with a partner from the same batch
        var perm = randperm(images.shape[0], device: device);
        const float lam = 0.7f;
        var logits = model.call(images * lam + images[perm] * (1 - lam));
        var loss = lam * nn.functional.cross_entropy(logits, labels) + (1 - lam) * nn.functional.cross_entropy(logits, labels[perm]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        step++;
    }
}
