// Scenario: long-tailed training with a ClassBalancedBatchSampler whose own variable is told the epoch every epoch — right, setting the batch sampler the loader was built from handles it.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
int epochs = 25;

var folder = new ImageFolder("data/derm-lesions/train",
    new Compose(new Resize(96), new RandomCrop(88), new RandomHorizontalFlip(),
        new Normalize([0.76f, 0.55f, 0.59f], [0.14f, 0.15f, 0.17f])));

// Rare lesion types get as many slots per batch as the common ones.
var pk = new ClassBalancedBatchSampler(folder.Labels, classesPerBatch: 7, samplesPerClass: 8, seed: 11);
using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    folder, ImageFolder.Collate, batchSampler: pk, device: device, workers: 2, disposeDataset: true);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 24, 5, stride: 2, padding: 2)), ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(24, 48, 3, stride: 2, padding: 1)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(48, folder.Classes.Count))).to(device);
var optimizer = optim.Adam(model.parameters(), lr: 5e-4);

for (int epoch = 0; epoch < epochs; epoch++)
{
    pk.SetEpoch(epoch); // new P x K groups each epoch

    double sum = 0; int batches = 0;
    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
        batches++;
    }
    Console.WriteLine($"epoch {epoch}: mean loss {sum / Math.Max(1, batches):F4} over {batches} balanced batches");
}
