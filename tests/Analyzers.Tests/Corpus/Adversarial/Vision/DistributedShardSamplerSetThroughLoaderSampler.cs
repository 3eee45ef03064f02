// Scenario: data-parallel image training whose loader gets a DistributedSampler as sampler: (no batch sampler) and sets it through train.Sampler each epoch — right, the loader builds its own BatchSampler over that sampler; nothing to report.
using TorchSharp;
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

var device = cuda.is_available() ? CUDA : CPU;
const int Epochs = 20;

var folder = new ImageFolder("data/imagewoof/train", new Compose(new Resize(80), new RandomCrop(64), new RandomHorizontalFlip(),
    new Normalize([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f])));

// Each rank reads its own shard; replicas and rank come from the MPI world.
using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    folder, ImageFolder.Collate, batchSize: 64, sampler: new DistributedSampler(folder.Count, seed: 3), device: device, workers: 2, disposeDataset: true);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, stride: 2, padding: 1)), ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(32, 64, 3, stride: 2, padding: 1)), ("relu2", nn.ReLU()),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, 10))).to(device);
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

for (int epoch = 0; epoch < Epochs; epoch++)
{
    // same call as the PyTorch DDP examples: train_loader.sampler.set_epoch(epoch)
    if (train.Sampler is DistributedSampler shard) shard.SetEpoch(epoch);

    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch} done on {Dist.WorldSize} ranks");
}
