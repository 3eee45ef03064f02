// Scenario: metric learning split by hand over two GPUs (stage 1 on cuda:0, stage 2 on cuda:1, CPU fallback) with a P×K ClassBalancedBatchSampler; the epoch loop reshuffles through loader.Sampler only — wrong (CMP001), the batch sampler never hears the epoch.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

int gpus = cuda.is_available() ? cuda.device_count() : 0;
Device stage1Device = gpus >= 1 ? new Device(DeviceType.CUDA, 0) : CPU;
Device stage2Device = gpus >= 2 ? new Device(DeviceType.CUDA, 1) : stage1Device;
Console.WriteLine($"stage 1 on {stage1Device}, stage 2 on {stage2Device}");

var data = new FashionMnist();
long[] labels = data.Columns["label"].data<long>().ToArray();

// P x K batches: 8 of the 10 classes, 8 images each.
using var loader = new EpochDataLoader(data,
    batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 8, seed: 3),
    device: stage1Device);

var stage1 = nn.Sequential(
    nn.Conv2d(1, 32, 3, padding: 1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding: 1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2));
var stage2 = nn.Sequential(nn.Flatten(), nn.Linear(64 * 7 * 7, 256), nn.ReLU(), nn.Linear(256, 64));
stage1.to(stage1Device);
stage2.to(stage2Device);

var parameters = stage1.parameters().Concat(stage2.parameters());
var optimizer = optim.Adam(parameters, lr: 5e-4);

// Batch-hard triplet loss: hardest positive and hardest negative for each anchor.
static Tensor BatchHardTriplet(Tensor embeddings, Tensor labels, double margin)
{
    var e = nn.functional.normalize(embeddings, dim: 1);
    var distances = cdist(e, e);
    var same = labels.unsqueeze(0).eq(labels.unsqueeze(1));
    var hardestPositive = distances.masked_fill(same.logical_not(), 0).amax([1]);
    var hardestNegative = distances.masked_fill(same, float.PositiveInfinity).amin([1]);
    return nn.functional.relu(hardestPositive - hardestNegative + margin).mean();
}

for (int epoch = 0; epoch < 30; epoch++)
{
    (loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001

    double total = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var features = stage1.call(batch["data"]);
        // Hand the activations to the second device; autograd carries the gradient back across.
        var embeddings = stage2.call(features.to(stage2Device));
        var loss = BatchHardTriplet(embeddings, batch["label"].to(stage2Device), margin: 0.2);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: triplet loss {total / loader.Count:F4}");
}
